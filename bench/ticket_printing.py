"""Render a ticket; issue a ticket and hand it to the printer.

**Render**: a ticket's content (both languages, documents from its triage), its layout
(every line shaped by Qt) and its drawing, for tickets as a Lisbon day gives them: the
arrivals' mix of languages and scripts, the walk-in services, each ticket triaged for a
matter of its service (so its documents are printed). Two outputs: the 1-bit 203-dpi image
a receipt printer takes (80 mm roll), and a PDF file (the desk without a printer). The
first ticket after start-up (fonts loaded, nothing cached) is reported apart.

**Issue → print job submitted**: ``journal.issue_request`` (commit and fsync on a real
desk file) then ``TicketOutput.print``, until the job is handed over: the PDF file
written and closed; the ESC/POS bytes sent to a receipt printer's TCP port (a local
listener that drains them); a job accepted by CUPS (a private scheduler with a queue
that writes each job to a folder, the same as the test suite's), when ``cupsd`` is
installed.
"""

from __future__ import annotations

import os
import socket
import threading
import time

from bench.measure import (
    ISSUE_TO_PRINT,
    RENDER,
    Outcome,
    Row,
    fmt_ms,
    language_mix,
    ms,
    new_desk,
    progress,
    qpa_platform,
    remove_dir,
    scratch_dir,
    summary,
    walk_in_services,
)

NAME = "ticket_printing"
WARM_UP = 5


def _outcomes_by_service(flow) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for outcome in flow.outcomes.values():
        if outcome.service is not None and outcome.documents:
            found.setdefault(outcome.service, []).append(outcome.id)
    return {service: tuple(ids) for service, ids in found.items()}


def _requests(profile, flow, count: int):
    from cnaim_desk.domain.admission import TicketRequest

    services = walk_in_services(profile, tickets=count + WARM_UP)
    languages = language_mix()
    outcomes = _outcomes_by_service(flow)
    requests = []
    for index in range(count + WARM_UP):
        service = services[index % len(services)]
        matters = outcomes.get(service, ())
        requests.append(
            TicketRequest(
                service=service,
                language=languages[index % len(languages)],
                group_size=3 if index % 7 == 0 else 1,
                children=index % 5 == 0,
                outcomes=(matters[index % len(matters)],) if matters else (),
            )
        )
    return requests


def _sink() -> tuple[socket.socket, threading.Thread]:
    """A receipt printer's port on this machine: takes every connection's bytes."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                while connection.recv(1 << 16):
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, thread


def _render(fonts, output, tickets, workdir) -> dict[str, list[float]]:
    from cnaim_desk.printing.layout import Paper
    from cnaim_desk.printing.render_qt import render_image, render_pdf

    figures: dict[str, list[float]] = {"first": [], "image": [], "pdf": []}
    for index, ticket in enumerate(tickets):
        started = time.perf_counter()
        content = output.content(ticket)
        render_image(content, Paper.RECEIPT_80, fonts, monochrome=True, printable_only=True)
        imaged = time.perf_counter()
        render_pdf(output.content(ticket), workdir / "render.pdf", Paper.RECEIPT_80, fonts)
        done = time.perf_counter()
        if index == 0:
            figures["first"].append(ms(imaged - started))
        elif index >= WARM_UP:
            figures["image"].append(ms(imaged - started))
            figures["pdf"].append(ms(done - imaged))
    return figures


class _Settings:
    def __init__(self, printer_name: str = "", escpos_target: str = ""):
        from cnaim_desk.printing.layout import Paper

        self.printer_name = printer_name
        self.escpos_target = escpos_target
        self.paper = Paper.RECEIPT_80


def _issue_and_print(fonts, requests, workdir, settings, flow) -> tuple[list[float], int]:
    """Issue each request and print it; milliseconds per ticket, and failed prints."""
    from cnaim_desk.printing.output import TicketOutput

    journal = new_desk(workdir / "desk", seed=False)
    try:
        output = TicketOutput.for_desk(journal, fonts, settings)
        output.flow = flow
        times, failed = [], 0
        for index, request in enumerate(requests):
            started = time.perf_counter()
            ticket = journal.issue_request(request)
            printed = output.print(ticket)
            elapsed = ms(time.perf_counter() - started)
            failed += not printed.ok
            if index >= WARM_UP:
                times.append(elapsed)
        return times, failed
    finally:
        journal.close()


CUPS_QUEUE = "CNAIM-BENCH"


class _Cups:
    """A private CUPS scheduler (the test suite's) with one PDF queue, asked by this
    process while it runs."""

    def __init__(self, server, in_use):
        self.server = server
        self._in_use = in_use

    def settings(self) -> _Settings:
        return _Settings(printer_name=CUPS_QUEUE)

    def stop(self) -> None:
        self._in_use.__exit__(None, None, None)
        self.server.stop()


def _cups(workdir):
    """A running private CUPS scheduler with a PDF queue, or None where CUPS is not
    installed or does not start (the other figures stand)."""
    try:
        from tests.printing.cups_server import CupsServer
    except ImportError:
        return None
    server = CupsServer(workdir / "cups")
    try:
        server.start()
        server.add_queue(CUPS_QUEUE, workdir / "cups-jobs")
        in_use = server.in_use()
        in_use.__enter__()
    except (Exception, BaseException) as error:  # pytest.fail's, too; not ^C
        if isinstance(error, KeyboardInterrupt):
            raise
        server.stop()
        progress(f"ticket printing: no private CUPS ({str(error).splitlines()[0]})")
        return None
    return _Cups(server, in_use)


def run(quick: bool = False) -> Outcome:
    os.environ.setdefault("QT_QPA_PLATFORM", qpa_platform())
    from PySide6.QtWidgets import QApplication

    from cnaim_desk.journal.desk import load_flow
    from cnaim_desk.printing.fonts import register_fonts
    from cnaim_desk.printing.output import TicketOutput
    from cnaim_desk.resources import resources_dir

    count = 40 if quick else 300
    issues = 20 if quick else 100
    outcome = Outcome(NAME)
    app = QApplication.instance() or QApplication(["bench"])
    assert app is not None
    fonts = register_fonts()
    root = scratch_dir("printing")
    try:
        journal = new_desk(root / "render-desk", seed=False)
        flow = load_flow(journal.config.centre, resources_dir())
        requests = _requests(journal.profile, flow, count)
        progress(f"ticket printing: issuing {len(requests)} tickets to render")
        tickets = [journal.issue_request(request) for request in requests]
        output = TicketOutput.for_desk(journal, fonts, _Settings())
        output.flow = flow
        progress("ticket printing: rendering")
        rendered = _render(fonts, output, tickets, root)
        journal.close()

        image, pdf = summary(rendered["image"]), summary(rendered["pdf"])
        outcome.rows.append(
            Row(
                "render a ticket: 80 mm, 1-bit 203 dpi image (a receipt printer's), "
                "13 languages mixed",
                f"p50 {fmt_ms(image['p50'])}, p95 {fmt_ms(image['p95'])}, "
                f"max {fmt_ms(image['max'])} (n={len(rendered['image'])})",
                RENDER,
                image["p95"],
            )
        )
        outcome.rows.append(
            Row(
                "· render a ticket as a PDF file (a desk without a printer)",
                f"p50 {fmt_ms(pdf['p50'])}, p95 {fmt_ms(pdf['p95'])}",
                RENDER,
                pdf["p95"],
            )
        )
        outcome.rows.append(
            Row(
                "· the first ticket after start-up (fonts loaded, no glyph cached)",
                fmt_ms(rendered["first"][0]),
            )
        )

        sink, _thread = _sink()
        targets = [
            ("a PDF file (no printer)", _Settings()),
            (
                "a receipt printer, ESC/POS over TCP (local port)",
                _Settings(escpos_target=f"tcp://127.0.0.1:{sink.getsockname()[1]}"),
            ),
        ]
        cups = _cups(root)
        if cups is not None:
            targets.append(("a CUPS queue (private scheduler, PDF queue)", cups.settings()))
        figures = {}
        try:
            for label, settings in targets:
                progress(f"ticket printing: issue → {label}, {issues} tickets")
                subset = _requests(journal.profile, flow, issues)
                times, failed = _issue_and_print(
                    fonts, subset, scratch_dir("issue-print"), settings, flow
                )
                stats = summary(times)
                figures[label] = {"summary": stats, "failed": failed}
                first = label == targets[0][0]
                outcome.rows.append(
                    Row(
                        ("" if first else "· ") + f"issue → print job submitted: {label}",
                        f"p50 {fmt_ms(stats['p50'])}, p95 {fmt_ms(stats['p95'])}, "
                        f"max {fmt_ms(stats['max'])} (n={len(times)}"
                        + (f", {failed} failed" if failed else "")
                        + ")",
                        ISSUE_TO_PRINT,
                        stats["p95"] if not failed else float("inf"),
                    )
                )
        finally:
            sink.close()
            if cups is not None:
                cups.stop()
        if cups is None:
            outcome.notes.append(
                "Issue → CUPS not measured: `cupsd` is not installed "
                "(`packaging/check-system.sh --for test` installs it)."
            )
        outcome.details = {
            "render": {key: summary(values) for key, values in rendered.items() if values},
            "issue_to_print": figures,
        }
        outcome.notes.append(
            "Rendering: offscreen platform, shipped fonts; each ticket's content built from "
            "its journal row, laid out and drawn; the 1-bit image is what goes to an ESC/POS "
            f"printer. {WARM_UP} unmeasured tickets first."
        )
    finally:
        remove_dir(root)
    return outcome
