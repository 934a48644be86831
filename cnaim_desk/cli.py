"""``cnaim-desk``: the GUI for the configured role, and commands for scripts and admins.

The commands, their options, their ``--json`` output and their exit statuses are a
contract other desks and scripts rely on (README, "Command line"):

====  ==========================================================================
0     done
1     refused: bad input or a step the queue does not allow; a plain message on
      stderr and nothing written
2     usage error
3     nothing to do (no one waiting to call)
====  ==========================================================================
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cnaim_desk import __version__
from cnaim_desk.domain.admission import AdmissionRefused
from cnaim_desk.domain.appointments import parse_appointments
from cnaim_desk.domain.centres import CENTRE_IDS
from cnaim_desk.domain.events import is_desk_id
from cnaim_desk.domain.flow_check import coverage, paths
from cnaim_desk.domain.languages import LANGUAGE_TAGS
from cnaim_desk.domain.tickets import Priority, TicketStatus, TransitionRefused
from cnaim_desk.journal.appointments import CheckInRefused
from cnaim_desk.journal.desk import (
    ROLES,
    DeskConfig,
    DeskSetupError,
    default_data_dir,
    load_flow_file,
)
from cnaim_desk.journal.journal import Journal, TicketNotFound
from cnaim_desk.journal.lock import DeskBusy
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.journal.signing import KeyFileError
from cnaim_desk.journal.store import StoreError
from cnaim_desk.resources import resources_dir

EXIT_DONE, EXIT_REFUSED, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3

#: Errors that mean "refused": shown as one plain line, exit status 1.
REFUSALS = (
    AdmissionRefused,
    CheckInRefused,
    DeskBusy,
    DeskSetupError,
    TransitionRefused,
    TicketNotFound,
    KeyFileError,
    StoreError,
    KeyError,
    ValueError,
)


class Refused(Exception):
    """A command that cannot do what it was asked; the message is for the user."""


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


# -- the parser ----------------------------------------------------------------------------


def _service_code(text: str) -> str:
    return text.upper()


def _desk_id(text: str) -> str:
    if not is_desk_id(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a desk id: use a short upper-case id such as R1 or C4"
        )
    return text


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
