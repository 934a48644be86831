"""``cnaim-desk``: the GUI for the configured role, and commands for scripts and admins.

The commands, their options, their ``--json`` output and their exit statuses are a
contract other desks and scripts rely on (README, "Command line"):

====  ==========================================================================
0     done
1     refused: bad input or a step the queue does not allow; a plain message on
      stderr and nothing written
2     usage error
3     nothing to do (no one waiting to call)
4     not printed: the printer failed (``ticket print``); the ticket stays issued and
      valid, the reprint is recorded, and the message says why
====  ==========================================================================

Qt is loaded only by the commands that draw (the windows, ``ticket render``,
``ticket print``): every other command starts without it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cnaim_desk import __version__
from cnaim_desk.domain.admission import AdmissionRefused
from cnaim_desk.domain.appointments import parse_appointments
from cnaim_desk.domain.centres import CENTRE_IDS
from cnaim_desk.domain.clock import now_lisbon
from cnaim_desk.domain.events import is_desk_id
from cnaim_desk.domain.flow_check import coverage, paths
from cnaim_desk.domain.languages import LANGUAGE_TAGS
from cnaim_desk.domain.tickets import Priority, TicketStatus, TransitionRefused
from cnaim_desk.journal.appointments import CheckInRefused
from cnaim_desk.journal.desk import (
    ROLES,
    DataDir,
    DeskConfig,
    DeskSetupError,
    default_data_dir,
    load_centre_profile,
    load_flow,
    load_flow_file,
    load_holder_texts,
)
from cnaim_desk.journal.journal import Journal, TicketNotFound
from cnaim_desk.journal.lock import DeskBusy
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.journal.signing import CentreKey, KeyFileError
from cnaim_desk.journal.store import StoreError
from cnaim_desk.printing.layout import Paper, sample_ticket, ticket_content
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.errors import EnrolmentError, PkiError

if TYPE_CHECKING:  # the Qt side, imported by the drawing commands only
    from PySide6.QtGui import QGuiApplication

    from cnaim_desk.printing.fonts import FontRegistry

EXIT_DONE, EXIT_REFUSED, EXIT_USAGE, EXIT_NOTHING, EXIT_NOT_PRINTED = 0, 1, 2, 3, 4


class Refused(Exception):
    """A command that cannot do what it was asked; the message is for the user."""


#: Errors that mean "refused": shown as one plain line, exit status 1.
REFUSALS = (
    Refused,
    AdmissionRefused,
    CheckInRefused,
    DeskBusy,
    DeskSetupError,
    TransitionRefused,
    TicketNotFound,
    KeyFileError,
    StoreError,
    EnrolmentError,
    PkiError,
    KeyError,
    ValueError,
)


def _message(error: BaseException) -> str:
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return str(error)


# -- output ------------------------------------------------------------------------------


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=None))


def _ticket_line(ticket: TicketView) -> str:
    parts = [f"{ticket.code:<6}", f"{ticket.service:<8}", f"{ticket.status.value:<10}"]
    if ticket.position is not None:
        ahead = "next" if ticket.position == 0 else f"{ticket.position} ahead"
        wait = (
            f", about {ticket.expected_wait_minutes} min"
            if ticket.expected_wait_minutes is not None
            else ""
        )
        parts.append(f"{ahead}{wait}")
    elif ticket.called_by:
        parts.append(f"counter {ticket.called_by}")
    return "  ".join(parts).rstrip()


def _show_ticket(args: argparse.Namespace, ticket: TicketView) -> None:
    if args.json:
        _print_json(ticket.to_json())
    else:
        print(_ticket_line(ticket))


# -- opening the desk ----------------------------------------------------------------------


def _writer(args: argparse.Namespace, purpose: str) -> Journal:
    return Journal.open(args.data_dir, resources=resources_dir(), purpose=purpose)


def _reader(args: argparse.Namespace) -> Journal:
    return Journal.open_read_only(args.data_dir, resources=resources_dir())


# -- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    config = DeskConfig(centre=args.centre, desk=args.desk, role=args.role)
    with Journal.init_standalone(args.data_dir, config, resources=resources_dir()) as journal:
        result = {
            "desk": config.desk,
            "centre": config.centre,
            "role": config.role,
            "slot": config.slot,
            "data_dir": str(journal.data_dir.root),
            "public_key": journal.registry()[config.desk].public_key,
        }
    if args.json:
        _print_json(result)
    else:
        print(
            f"Desk {config.desk} ({config.role}) is set up for {config.centre} in "
            f"{result['data_dir']}. Start it with `cnaim-desk`."
        )
    return EXIT_DONE


def _desk_json(config: DeskConfig, journal: Journal) -> dict[str, object]:
    return {
        "desk": config.desk,
        "centre": config.centre,
        "role": config.role,
        "slot": config.slot,
        "data_dir": str(journal.data_dir.root),
    }


def cmd_centre_init(args: argparse.Namespace) -> int:
    from cnaim_desk.sync.enrolment import ISSUING_ROLES, init_centre

    slot = args.slot if args.slot is not None else (1 if args.role in ISSUING_ROLES else 0)
    config = DeskConfig(centre=args.centre, desk=args.desk, role=args.role, slot=slot)
    with init_centre(args.data_dir, config, resources=resources_dir()) as journal:
        result = _desk_json(config, journal)
    if args.json:
        _print_json(result)
    else:
        print(
            f"Centre {config.centre} is set up: its certificate authority and centre key are "
            f"on this desk, {config.desk} ({config.role}), in {result['data_dir']}. Keep this "
            "folder safe and backed up; enrol the other desks from here with "
            "`cnaim-desk enroll`."
        )
    return EXIT_DONE


def cmd_enroll(args: argparse.Namespace) -> int:
    from cnaim_desk.sync.enrolment import enroll, new_code, write_enrolment

    out = Path(args.out)
    if out.exists():
        raise Refused(f"{out} exists already: choose another file name.")
    code = new_code()
    with _writer(args, "cnaim-desk enroll") as journal:
        enrolment = enroll(journal, args.desk, args.role, args.slot)
        write_enrolment(out, enrolment.seal(code))
    identity = enrolment.identity
    result = {
        "desk": identity.desk,
        "role": identity.role,
        "slot": identity.slot,
        "centre": identity.centre,
        "file": str(out),
        "code": code,
    }
    if args.json:
        _print_json(result)
    else:
        print(
            f"Enrolment of {identity.desk} ({identity.role}, slot {identity.slot}) written to "
            f"{out}.\nOne-time code: {code}\nCarry the file to the new desk and run "
            f"`cnaim-desk join {out.name} --code {code}` there. The code is shown only now."
        )
    return EXIT_DONE


def cmd_join(args: argparse.Namespace) -> int:
    from cnaim_desk.sync.enrolment import Enrolment, join

    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        raise Refused(f"Cannot read {args.file}: {error.strerror}.") from None
    enrolment = Enrolment.open(data, args.code)
    with join(args.data_dir, enrolment, resources=resources_dir()) as journal:
        config = journal.config
        history = journal.projector.history
        result = _desk_json(config, journal) | {
            "desks": sorted(journal.registry()),
            "history_before": history.before if history else None,
        }
    if args.json:
        _print_json(result)
    else:
        kept = f" Its history before {history.before} is kept here." if history else ""
        print(
            f"Desk {config.desk} ({config.role}) joined centre {config.centre} in "
            f"{result['data_dir']}; it knows {len(result['desks'])} desks.{kept} Start it "
            "with `cnaim-desk`."
        )
    return EXIT_DONE


def cmd_revoke(args: argparse.Namespace) -> int:
    with _writer(args, "cnaim-desk revoke") as journal:
        entry = journal.revoke_desk(args.desk)
    result = {"desk": entry.desk, "role": entry.role, "revoked": True}
    if args.json:
        _print_json(result)
    else:
        print(
            f"Desk {entry.desk} ({entry.role}) is revoked. Every desk learns it at its next "
            "sync; from then on its links are refused and nothing it writes is taken."
        )
    return EXIT_DONE


def cmd_node(args: argparse.Namespace) -> int:
    import asyncio
    import signal

    from cnaim_desk.sync.node import parse_address, run_node
    from cnaim_desk.sync.pki import PkiFiles

    listen = parse_address(args.listen) if args.listen else None
    peers = [parse_address(peer, "127.0.0.1") for peer in args.peer]
    if listen is None and not peers and args.no_discovery:
        raise Refused("With --no-discovery, give --listen HOST:PORT, --peer HOST:PORT, or both.")
    with _writer(args, "cnaim-desk node") as journal:
        files = PkiFiles(journal.data_dir.root)
        files.identity()  # PkiError, in plain words, for a desk not enrolled in a centre
        if journal.config.role == "board":
            raise Refused(
                f"{journal.config.desk} is a board-only PC: it holds no queue to sync. Start "
                "`cnaim-desk` on it: its board shows what the centre's desks send it."
            )

        def listening(host: str, port: int) -> None:
            if args.json:
                _print_json({"listening": f"{host}:{port}", "desk": journal.config.desk})
            else:
                print(f"Desk {journal.config.desk} syncing, listening on {host}:{port}.")
            sys.stdout.flush()

        async def main() -> None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(signum, stop.set)
            await run_node(
                journal,
                files,
                stop,
                listen=listen,
                peers=peers,
                on_listening=listening,
                discover=not args.no_discovery,
            )

        asyncio.run(main())
    return EXIT_DONE


def cmd_ticket_issue(args: argparse.Namespace) -> int:
    if args.cases is not None and not args.lawyer:
        raise ValueError("--cases goes with --lawyer")
    with _writer(args, "cnaim-desk ticket issue") as journal:
        ticket = journal.issue(
            args.service,
            priority=args.priority,
            language=args.lang,
            group_size=args.group,
            visit=tuple(args.visit),
            interpreter=args.interpreter,
            children=args.children,
            lawyer=args.lawyer,
            cases=1 if args.cases is None else args.cases,
        )
    _show_ticket(args, ticket)
    return EXIT_DONE


def cmd_ticket_call(args: argparse.Namespace) -> int:
    with _writer(args, "cnaim-desk ticket call") as journal:
        ticket = journal.call_next(args.desk, args.service or None, lawyers=args.lawyers)
    if ticket is None:
        where = ", ".join(args.service) if args.service else "any service"
        print(f"No one is waiting for {where}.", file=sys.stderr)
        if args.json:
            _print_json({"called": None})
        return EXIT_NOTHING
    _show_ticket(args, ticket)
    return EXIT_DONE


def _ticket_step(step: Callable[[Journal, argparse.Namespace], TicketView], purpose: str):
    def command(args: argparse.Namespace) -> int:
        with _writer(args, f"cnaim-desk ticket {purpose}") as journal:
            ticket = step(journal, args)
        _show_ticket(args, ticket)
        return EXIT_DONE

    return command


def cmd_ticket_list(args: argparse.Namespace) -> int:
    with _reader(args) as journal:
        day = args.day or journal.today().isoformat()
        tickets = journal.reader.run(lambda queries: queries.tickets(day, args.status))
    if args.json:
        _print_json([ticket.to_json() for ticket in tickets])
    elif not tickets:
        print(f"No tickets on {day}" + (f" with status {args.status}." if args.status else "."))
    else:
        for ticket in tickets:
            print(_ticket_line(ticket))
    return EXIT_DONE


# -- tickets on paper: Qt is loaded inside these commands only -----------------------------

#: What ``ticket render`` writes, by the suffix of ``--out``.
TICKET_FORMATS = {".pdf": "pdf", ".png": "png"}
#: The papers a ticket is printed on (A4 is for slips only).
TICKET_PAPERS = tuple(paper.value for paper in Paper if paper is not Paper.A4)


@dataclass(frozen=True, slots=True)
class PrintChoice:
    """Where one command prints (``TicketOutput``'s print settings): the desk's own,
    or what the command's options say instead."""

    printer_name: str
    paper: Paper
    escpos_target: str


def _drawing() -> tuple[QGuiApplication, FontRegistry]:
    """A QGuiApplication to draw with (offscreen where Linux has no display) and the
    shipped fonts; returns both, the application to be kept while drawing."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from cnaim_desk.printing.fonts import register_fonts

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    return app, register_fonts()


def _sample_centre(args: argparse.Namespace) -> str:
    """``--centre``, else the centre of the desk set up in the data folder, else Lisbon."""
    if args.centre is not None:
        return args.centre
    data_dir = DataDir(args.data_dir)
    return data_dir.load_config().centre if data_dir.is_initialised() else "lisboa"


def _write_ticket_file(write: Callable[[Path], object], out: Path) -> Path:
    """Write through ``write`` into a fresh file beside ``out``, then put it in place:
    an unwritable place is refused before any drawing, and a failed drawing never leaves
    half a file where ``out`` was."""
    folder = out.parent
    if not folder.is_dir():
        raise Refused(f"Cannot write {out}: there is no folder {folder}.")
    drawn = folder / f".{out.stem}.{os.getpid()}.part{out.suffix}"
    try:
        drawn.open("xb").close()
    except OSError as error:
        raise Refused(f"Cannot write {out}: {error.strerror}.") from None
    try:
        write(drawn)
        if drawn.stat().st_size == 0:
            raise Refused(f"Cannot write {out}: nothing was drawn.")
        os.replace(drawn, out)
    except OSError as error:
        raise Refused(f"Cannot write {out}: {error.strerror or error}.") from None
    finally:
        drawn.unlink(missing_ok=True)
    return out


def cmd_ticket_render(args: argparse.Namespace) -> int:
    if args.sample is not None and args.lang is None:
        args.usage_error("--sample needs --lang: a sample has no holder's language")
    if args.sample is None and args.centre is not None:
        args.usage_error("--centre goes with --sample: a real ticket is the desk's centre's")
    paper = Paper(args.paper)
    _app, fonts = _drawing()
    from cnaim_desk.printing.output import TicketOutput
    from cnaim_desk.printing.render_qt import RECEIPT_DPI, render_pdf, render_png

    if args.sample is not None:
        resources = resources_dir()
        profile = load_centre_profile(_sample_centre(args), resources)
        ticket = sample_ticket(profile, args.sample, args.lang, now_lisbon())
        # A throw-away key: the sample's QR code reads, but verifies nowhere.
        reference = TicketReference(profile.id, ticket.day, ticket.code, ticket.id)
        content = ticket_content(
            ticket,
            profile,
            load_holder_texts(resources),
            reference.encode(CentreKey.generate()),
            load_flow(profile.id, resources),
        )
    else:
        with _reader(args) as journal:
            ticket = journal.ticket(args.ticket)
            output = TicketOutput.for_desk(journal, fonts, PrintChoice("", paper, ""))
            output.flow = load_flow(journal.config.centre, resources_dir())
        if args.lang is not None:
            ticket = dataclasses.replace(ticket, language=args.lang)
        content = output.content(ticket)

    kind = TICKET_FORMATS[args.out.suffix.lower()]
    if kind == "pdf":
        written = _write_ticket_file(lambda path: render_pdf(content, path, paper, fonts), args.out)
    else:
        written = _write_ticket_file(
            lambda path: render_png(content, path, paper, fonts, RECEIPT_DPI), args.out
        )
    if args.json:
        _print_json(
            {
                "path": str(written.absolute()),
                "code": content.code,
                "language": content.holder.language,
                "paper": paper.value,
                "format": kind,
            }
        )
    else:
        print(written.absolute())
    return EXIT_DONE


def cmd_ticket_print(args: argparse.Namespace) -> int:
    _app, fonts = _drawing()
    from cnaim_desk.printing.output import TicketOutput
    from cnaim_desk.ui.settings import DeskSettings

    with _writer(args, "cnaim-desk ticket print") as journal:
        settings = DeskSettings(journal.data_dir.root / "settings.ini")
        choice = PrintChoice(settings.printer_name, settings.paper, settings.escpos_target)
        if args.printer is not None:
            choice = PrintChoice(args.printer, choice.paper, "")
        # Recorded before printing, as the reception window does: a reprint that does
        # not come out still counts as one asked for.
        ticket = journal.record_reprint(args.ticket)
        output = TicketOutput.for_desk(journal, fonts, choice)
        output.flow = load_flow(journal.config.centre, resources_dir())
    # Printed once the desk is free again: a slow printer holds up no other command.
    printed = output.print(ticket)
    as_pdf = not choice.printer_name and not choice.escpos_target
    if args.json:
        _print_json(
            {
                "id": ticket.id,
                "code": ticket.code,
                "printed": printed.ok,
                "destination": printed.destination,
                "pdf": as_pdf,
                "error": printed.error,
                "reprints": ticket.reprints,
            }
        )
    if not printed.ok:
        print(
            f"cnaim-desk: {printed.error} Ticket {ticket.code} is still valid: "
            "print it again when the printer is back.",
            file=sys.stderr,
        )
        return EXIT_NOT_PRINTED
    if not args.json:
        if as_pdf:
            print(f"Ticket {ticket.code} saved as PDF: {printed.destination}")
        else:
            print(f"Ticket {ticket.code} printed on {printed.destination}")
    return EXIT_DONE


def cmd_journal_check(args: argparse.Namespace) -> int:
    with _reader(args) as journal:
        report = journal.check()
    summary = {
        "ok": report.ok,
        "documents": report.documents,
        "events": report.events,
        "tickets": report.tickets,
        "quarantined": report.quarantined,
        "problems": report.problems,
    }
    if args.json:
        _print_json(summary)
    else:
        print(
            f"{report.documents} day(s), {report.events} events, {report.tickets} tickets, "
            f"{report.quarantined} quarantined."
        )
        for problem in report.problems:
            print(f"  problem: {problem}")
        print("The journal is sound." if report.ok else "The journal has problems.")
    return EXIT_DONE if report.ok else EXIT_REFUSED


def cmd_appointments_import(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as error:
        raise ValueError(f"Cannot read {args.file}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise ValueError(f"{args.file} is not UTF-8 text.") from None
    with _writer(args, "cnaim-desk appointments import") as journal:
        appointments = parse_appointments(text, journal.profile)
        result = journal.appointments.import_list(appointments)
    if args.json:
        _print_json({"added": result.added, "unchanged": result.unchanged})
    else:
        print(f"{result.added} appointment(s) added, {result.unchanged} already there.")
    return EXIT_DONE


def cmd_appointments_list(args: argparse.Namespace) -> int:
    with _reader(args) as journal:
        booked = journal.appointments.today()
    if args.json:
        _print_json(
            [
                {
                    "time": b.time,
                    "service": b.service,
                    "reference": b.reference,
                    "language": b.language,
                    "ticket": b.ticket,
                }
                for b in booked
            ]
        )
    else:
        for b in booked:
            state = f"checked in ({b.ticket})" if b.ticket else "expected"
            print(f"{b.time}  {b.service:<8} {b.reference:<20} {b.language:<8} {state}")
    return EXIT_DONE


def cmd_appointments_check_in(args: argparse.Namespace) -> int:
    with _writer(args, "cnaim-desk appointments check-in") as journal:
        checked = journal.appointments.check_in(args.reference)
    if args.json:
        _print_json({**checked.ticket.to_json(), "late": checked.late})
    else:
        print(_ticket_line(checked.ticket) + ("  (late: normal queue)" if checked.late else ""))
    return EXIT_DONE


def cmd_flow_check(args: argparse.Namespace) -> int:
    flow, problems = load_flow_file(args.file, resources_dir())
    errors = [problem for problem in problems if problem.severity == "error"]
    warnings = [problem for problem in problems if problem.severity == "warning"]
    languages = coverage(flow) if flow is not None else []
    if args.json:
        _print_json(
            {
                "ok": not errors,
                "errors": [str(problem) for problem in errors],
                "warnings": [str(problem) for problem in warnings],
                "coverage": {
                    c.language: {
                        "total": c.total,
                        "translated": c.translated,
                        "reviewed": c.reviewed,
                    }
                    for c in languages
                },
            }
        )
    else:
        for problem in problems:
            print(problem)
        if languages:
            print(f"Languages (translated / reviewed of {languages[0].total} texts):")
            print("  " + "  ".join(f"{c.language} {c.translated}/{c.reviewed}" for c in languages))
        print(
            f"{len(errors)} error(s), {len(warnings)} warning(s)."
            + (" The flow can be used." if not errors else " Fix the errors first.")
        )
    return EXIT_DONE if not errors else EXIT_REFUSED


def cmd_flow_paths(args: argparse.Namespace) -> int:
    flow, problems = load_flow_file(args.file, resources_dir())
    if flow is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_REFUSED
    found = paths(flow)
    if args.json:
        _print_json(
            [
                {
                    "keys": "".join(answer.key for _, answer in path.steps),
                    "answers": [f"{question.id}:{answer.id}" for question, answer in path.steps],
                    "outcome": path.outcome.id,
                    "service": path.outcome.service,
                }
                for path in found
            ]
        )
    else:
        for path in found:
            print(path.describe(args.lang))
    return EXIT_DONE


def cmd_journal_rebuild(args: argparse.Namespace) -> int:
    with _writer(args, "cnaim-desk journal rebuild") as journal:
        events = journal.rebuild()
    if args.json:
        _print_json({"events": events})
    else:
        print(f"Rebuilt the tables from {events} event{'s' if events != 1 else ''}.")
    return EXIT_DONE


def cmd_journal_recovered(args: argparse.Namespace) -> int:
    with _writer(args, "cnaim-desk journal recovered") as journal:
        if not journal.recovering:
            raise Refused(
                f"Desk {journal.config.desk} is not waiting for today's queue: nothing to do."
            )
        journal.recovered("staff chose to go on without the other desks")
        known = journal.reader.run(lambda q: q.tickets(journal.today().isoformat()))
    if args.json:
        _print_json({"desk": journal.config.desk, "recovering": False, "tickets": len(known)})
    else:
        print(
            f"Desk {journal.config.desk} gives tickets again, knowing {len(known)} of today's. "
            "Its numbers may repeat those it gave earlier today: check the codes people hold."
        )
    return EXIT_DONE


# -- the parser ----------------------------------------------------------------------------


def _service_code(text: str) -> str:
    return text.upper()


def _desk_id(text: str) -> str:
    if not is_desk_id(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a desk id: use a short upper-case id such as R1 or C4"
        )
    return text


def _ticket_file(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in TICKET_FORMATS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is neither a .pdf nor a .png file: the suffix chooses the format"
        )
    return path


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cnaim-desk",
        description="Reception, queue and calling board for a CNAIM centre. "
        "Without a command, opens the window for this desk's role.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="this desk's data folder (default: $CNAIM_DESK_DATA_DIR or the platform's "
        "user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throw-away demo centre: reception, a counter and the calling board",
    )
    parser.add_argument("--version", action="version", version=f"cnaim-desk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="set up a standalone desk")
    init.add_argument("--centre", required=True, choices=CENTRE_IDS)
    init.add_argument("--desk", required=True, type=_desk_id, help="desk id such as R1, C4, B1")
    init.add_argument("--role", required=True, choices=ROLES)
    _json_flag(init)
    init.set_defaults(handler=cmd_init)

    centre = commands.add_parser("centre", help="set up a centre of several desks")
    centre_actions = centre.add_subparsers(dest="action", metavar="ACTION", required=True)
    centre_init = centre_actions.add_parser(
        "init",
        help="on the supervisor's desk: the centre's certificate authority, the centre key "
        "and this desk",
    )
    centre_init.add_argument("--centre", required=True, choices=CENTRE_IDS)
    centre_init.add_argument("--desk", required=True, type=_desk_id, help="e.g. S1 or R1")
    centre_init.add_argument("--role", default="reception", choices=ROLES)
    centre_init.add_argument(
        "--slot", type=int, help="numbering slot (default: 1 for a reception desk, else 0)"
    )
    _json_flag(centre_init)
    centre_init.set_defaults(handler=cmd_centre_init)

    enroll = commands.add_parser(
        "enroll", help="make an enrolment file for a new desk, and its one-time code"
    )
    enroll.add_argument("--desk", required=True, type=_desk_id)
    enroll.add_argument("--role", required=True, choices=ROLES)
    enroll.add_argument(
        "--slot", type=int, help="numbering slot of a reception desk (default: the lowest free)"
    )
    enroll.add_argument("--out", required=True, metavar="FILE")
    _json_flag(enroll)
    enroll.set_defaults(handler=cmd_enroll)

    revoke = commands.add_parser(
        "revoke", help="revoke a desk: refused on every link, nothing it writes later taken"
    )
    revoke.add_argument("--desk", required=True, type=_desk_id)
    _json_flag(revoke)
    revoke.set_defaults(handler=cmd_revoke)

    node = commands.add_parser(
        "node", help="run this desk headless, only syncing with the centre's desks"
    )
    node.add_argument("--listen", metavar="HOST:PORT", help="accept links here (e.g. 0.0.0.0:7820)")
    node.add_argument(
        "--peer", action="append", default=[], metavar="HOST:PORT", help="link to this desk"
    )
    node.add_argument(
        "--no-discovery",
        action="store_true",
        help="do not look for the centre's desks by zeroconf (networks that block multicast)",
    )
    _json_flag(node)
    node.set_defaults(handler=cmd_node)

    join = commands.add_parser(
        "join",
        help="set up this desk from an enrolment file (a fresh folder, or a standalone "
        "desk's, whose history is kept)",
    )
    join.add_argument("file", metavar="FILE")
    join.add_argument("--code", required=True, help="the one-time code printed with the file")
    _json_flag(join)
    join.set_defaults(handler=cmd_join)

    ticket = commands.add_parser("ticket", help="issue, call and move tickets")
    steps = ticket.add_subparsers(dest="step", metavar="STEP", required=True)

    issue = steps.add_parser("issue", help="issue a ticket for a service")
    issue.add_argument("--service", required=True, type=_service_code, help="e.g. SS, AIMA")
    issue.add_argument("--priority", choices=[p.value for p in Priority])
    issue.add_argument("--lang", default="pt", choices=LANGUAGE_TAGS)
    issue.add_argument("--group", type=int, default=1, help="people on one ticket (a family)")
    issue.add_argument(
        "--visit",
        action="extend",
        nargs="+",
        type=_service_code,
        default=[],
        help="further services the same ticket visits in turn",
    )
    issue.add_argument("--interpreter", choices=("staff", "telephone"))
    issue.add_argument("--children", action="store_true", help="children for the Children Space")
    issue.add_argument("--lawyer", help="a lawyer's professional number (kept as a pseudonym)")
    issue.add_argument("--cases", type=int, help="cases the lawyer brings (with --lawyer)")
    _json_flag(issue)
    issue.set_defaults(handler=cmd_ticket_issue)

    call = steps.add_parser("call", help="call the next person by the queue policy")
    call.add_argument("--desk", required=True, type=_desk_id, help="the calling counter's desk id")
    call.add_argument("--service", action="extend", nargs="+", type=_service_code, default=[])
    call.add_argument("--lawyers", action="store_true", help="call from the lawyers' queue")
    _json_flag(call)
    call.set_defaults(handler=cmd_ticket_call)

    simple_steps: dict[str, tuple[str, Callable]] = {
        "recall": ("call again the person already called", lambda j, a: j.recall(a.ticket, a.desk)),
        "start": ("start serving", lambda j, a: j.start(a.ticket, a.desk)),
        "finish": ("finish serving", lambda j, a: j.finish(a.ticket, a.desk, a.outcome or "")),
        "no-show": ("the person did not come", lambda j, a: j.no_show(a.ticket, a.desk)),
        "reinstate": ("a no-show came back: back in the queue", lambda j, a: j.reinstate(a.ticket)),
        "cancel": ("cancel the ticket", lambda j, a: j.cancel(a.ticket)),
        "refer": ("send to another service", lambda j, a: j.refer(a.ticket, a.to, a.reason or "")),
    }
    for name, (help_text, step) in simple_steps.items():
        sub = steps.add_parser(name, help=help_text)
        sub.add_argument("ticket", metavar="TICKET", help="ticket id or code (e.g. A023)")
        if name in ("recall", "start", "finish", "no-show"):
            sub.add_argument(
                "--desk", default=None, type=_desk_id, help="counter desk id (default: this desk)"
            )
        if name == "finish":
            sub.add_argument("--outcome", default=None, help="outcome code")
        if name == "refer":
            sub.add_argument("--to", required=True, type=_service_code, help="service code")
            sub.add_argument("--reason", default=None, help="reason code")
        _json_flag(sub)
        sub.set_defaults(handler=_ticket_step(step, name))

    listing = steps.add_parser("list", help="today's tickets (read-only)")
    listing.add_argument("--status", choices=[s.value for s in TicketStatus])
    listing.add_argument("--day", default=None, help="another day, as YYYY-MM-DD")
    _json_flag(listing)
    listing.set_defaults(handler=cmd_ticket_list)

    render = steps.add_parser(
        "render",
        help="draw a ticket of today, or a sample, into a PDF or PNG file",
        description="Draw today's ticket TICKET (read-only), or with --sample a made-up "
        "ticket of a service (nothing is read from the journal or written to it), into FILE: "
        "a PDF as it would print, or a PNG at the receipt head's 203 dpi. The suffix of FILE "
        "chooses the format. A sample's QR code is signed with a throw-away key: it reads, "
        "but no counter will accept it. Prints the path written.",
    )
    what = render.add_mutually_exclusive_group(required=True)
    what.add_argument("ticket", metavar="TICKET", nargs="?", help="ticket id or code (e.g. A023)")
    what.add_argument(
        "--sample",
        metavar="SERVICE",
        type=_service_code,
        help="a sample ticket of SERVICE (e.g. SS)",
    )
    render.add_argument(
        "--lang",
        choices=LANGUAGE_TAGS,
        help="the holder's language (default for TICKET: its own; required with --sample)",
    )
    render.add_argument(
        "--paper", default=Paper.RECEIPT_80.value, choices=TICKET_PAPERS, help="default: 80mm"
    )
    render.add_argument(
        "--centre",
        choices=CENTRE_IDS,
        help="the centre of a --sample (default: this desk's centre, or lisboa when the data "
        "folder has no desk)",
    )
    render.add_argument(
        "--out", required=True, type=_ticket_file, metavar="FILE", help="FILE.pdf or FILE.png"
    )
    _json_flag(render)
    render.set_defaults(handler=cmd_ticket_render, usage_error=render.error)

    reprint = steps.add_parser(
        "print",
        help="print today's ticket again (a reprint)",
        description="Print today's ticket TICKET again on this desk's printer and paper "
        "(settings.ini, as the reception window set them; not changed here). With no printer "
        "set, the ticket is saved as a PDF in the desk's tickets folder. The reprint is "
        "recorded in the journal before printing, as the reception window does, so it counts "
        "even when the printer fails; then the exit status is 4 and the ticket stays valid. "
        "Prints where the ticket went.",
    )
    reprint.add_argument("ticket", metavar="TICKET", help="ticket id or code (e.g. A023)")
    reprint.add_argument(
        "--printer",
        metavar="NAME",
        help="this system printer instead of the desk's (and not its raw ESC/POS printer)",
    )
    _json_flag(reprint)
    reprint.set_defaults(handler=cmd_ticket_print)

    booked = commands.add_parser("appointments", help="the day's appointment list")
    booked_actions = booked.add_subparsers(dest="action", metavar="ACTION", required=True)
    booked_import = booked_actions.add_parser(
        "import", help="import the Migrants Support Line's CSV list (all or nothing)"
    )
    booked_import.add_argument("file", type=Path, metavar="FILE")
    _json_flag(booked_import)
    booked_import.set_defaults(handler=cmd_appointments_import)
    booked_list = booked_actions.add_parser("list", help="today's appointments (read-only)")
    _json_flag(booked_list)
    booked_list.set_defaults(handler=cmd_appointments_list)
    booked_check_in = booked_actions.add_parser("check-in", help="a ticket for a booking")
    booked_check_in.add_argument("reference", metavar="REFERENCE")
    _json_flag(booked_check_in)
    booked_check_in.set_defaults(handler=cmd_appointments_check_in)

    flow = commands.add_parser("flow", help="check a triage flow file, or list its paths")
    flow_actions = flow.add_subparsers(dest="action", metavar="ACTION", required=True)
    flow_check = flow_actions.add_parser("check", help="every problem, with its place")
    flow_check.add_argument("file", type=Path, metavar="FILE")
    _json_flag(flow_check)
    flow_check.set_defaults(handler=cmd_flow_check)
    flow_paths = flow_actions.add_parser("paths", help="every path to an outcome")
    flow_paths.add_argument("file", type=Path, metavar="FILE")
    flow_paths.add_argument("--lang", default="pt", choices=LANGUAGE_TAGS)
    _json_flag(flow_paths)
    flow_paths.set_defaults(handler=cmd_flow_paths)

    journal = commands.add_parser("journal", help="check or rebuild the journal")
    actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="integrity, signatures, projection (read-only)")
    _json_flag(check)
    check.set_defaults(handler=cmd_journal_check)
    rebuild = actions.add_parser("rebuild", help="recreate the tables from the events")
    _json_flag(rebuild)
    rebuild.set_defaults(handler=cmd_journal_rebuild)
    recovered = actions.add_parser(
        "recovered",
        help="let a desk that lost its journal give tickets without waiting for the other "
        "desks (its numbers may repeat the morning's)",
    )
    _json_flag(recovered)
    recovered.set_defaults(handler=cmd_journal_recovered)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is None:
        args.data_dir = default_data_dir()
    if args.command is None:
        from cnaim_desk.app import run_gui  # Qt is loaded only for the windows

        return run_gui(args.data_dir, demo=args.demo)
    if args.demo:
        parser.error("--demo opens the windows; it does not go with a command")
    try:
        return args.handler(args)
    except REFUSALS as error:
        print(f"cnaim-desk: {_message(error)}", file=sys.stderr)
        return EXIT_REFUSED
