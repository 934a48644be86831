"""A desk file with a year of history: a million tickets over ~250 working days, plus a
real "today" made through the journal.

Why the history is bulk-inserted: issuing, calling and finishing a million tickets through
``Journal.issue`` and friends (each a signed event, a replication update and an fsync'd
commit) would take hours. The queue queries only read projection rows, so the history is
written straight into the projection tables with ``sqlite3.executemany``, shaped as the
projector writes them:

- ``ticket``: one row per ticket, every status final (``done``, ``no_show``, ``cancelled``,
  ``closed``), the services and their letters from the Lisbon profile in proportion to their
  quotas, per-service daily numbering and codes, arrival clock readings in the ``Hlc`` text
  form (``1732912345678.00000``) between 09:00 and 16:00 Lisbon time, ``called_ms`` /
  ``started_ms`` / ``finished_ms`` for the ones served, a few referrals and priorities;
- ``event``: two rows per ticket on average (``issued`` and the final step, ``effect`` =
  ``applied``) plus each day's ``day_closed``, so the file has about a real file's size;
  the signatures are random bytes of a real signature's length, not valid ones;
- ``day``: one row per past day, WITH ``closed`` set (otherwise opening the journal would
  close every past day, one commit each), and ``counter``: the day's counters, closed.

Not written: the replicated documents' raw updates (``doc_update``), which only
``journal rebuild`` / ``check`` and replication read; a real file holds one per event, so it
is larger than this one. Indexes are dropped for the bulk insert and rebuilt after, so they
are more compact than indexes grown over a year. ``ANALYZE`` is not run: the desk never runs
it, so the planner sees what it sees on a real desk.

Today is real: :func:`populate_today` opens counters, issues ~150 tickets and calls,
serves, refers, cancels and marks no-shows through the journal, on every run.

The history is generated once and cached in ``bench/.cache/`` under a name that carries the
schema version, this generator's version and the size; each run copies it to a scratch
folder, so the cached copy is never changed.
"""

from __future__ import annotations

import base64
import json
import os
import random
import shutil
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.measure import (
    CACHE_DIR,
    LANGUAGE_SHARES,
    demo_config,
    desk_clock,
    progress,
    walk_in_services,
)

#: Bump when the generated rows change, so a stale cache is not reused.
GENERATOR_VERSION = 2
WORKING_DAYS = 250
TICKETS_PER_DAY = 4000
DESK = "R1"
COUNTERS = tuple(f"C{n}" for n in range(1, 13))
#: Final statuses of past tickets, with their shares.
FINAL_STATUSES = (("done", 0.85), ("no_show", 0.07), ("cancelled", 0.03), ("closed", 0.05))
PRIORITIES = ("disability", "elderly", "pregnancy", "infant")

_TICKET_COLUMNS = (
    "id, centre, day, first_service, service, number, code, status, priority, language, "
    "group_size, arrival, issued_by, issued_ms, appointment_at, called_by, called_ms, "
    "started_ms, finished_ms, recalls, reprints, referred_from, referral_reason, outcome, "
    "closed_from, conflicts, updated, planned, visit, visited, children, cases, answers, triage"
)
_EVENT_COLUMNS = "key, doc, ticket, op, hlc, desk, boot, seq, data, sig, effect, reason"


def _hlc(wall_ms: int, counter: int = 0) -> str:
    return f"{wall_ms:013d}.{counter:05d}"


def _past_working_days(count: int, before: date) -> list[date]:
    days: list[date] = []
    day = before
    while len(days) < count:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return sorted(days)


def _lisbon_ms(day: date, hour: int, minute: int = 0) -> int:
    from cnaim_desk.domain.clock import LISBON

    return (
        int(datetime(day.year, day.month, day.day, hour, minute, tzinfo=LISBON).timestamp()) * 1000
    )


class _Signatures:
    """Random text of an Ed25519 signature's base64 length, made in bulk."""

    def __init__(self) -> None:
        self._pool: list[str] = []

    def take(self) -> str:
        if not self._pool:
            raw = base64.b64encode(os.urandom(66 * 4096)).decode()
            self._pool = [raw[i : i + 86] + "==" for i in range(0, len(raw), 88)]
        return self._pool.pop()


def _day_rows(day: date, per_day: int, profile, rng: random.Random, sigs: _Signatures):
    """The ticket, event, counter and day rows of one past day."""
    from cnaim_desk.domain.clock import lisbon_from_ms

    services = [s for s in profile.services]
    weights = [s.daily_quota or (20 if s.appointment_only else 30) for s in services]
    letters = {s.code: s.letter for s in services}
    walk_in = [s.code for s in services if not s.appointment_only]
    languages = [tag for tag, _ in LANGUAGE_SHARES]
    language_weights = [share for _, share in LANGUAGE_SHARES]
    statuses = [status for status, _ in FINAL_STATUSES]
    status_weights = [share for _, share in FINAL_STATUSES]

    iso = day.isoformat()
    doc = f"q/{profile.id}/{iso}"
    boot = f"{rng.getrandbits(32):08x}"
    opens, last_issue = _lisbon_ms(day, 9), _lisbon_ms(day, 16)
    closed_ms = _lisbon_ms(day, 19)
    arrivals = sorted(rng.randrange(opens, last_issue) for _ in range(per_day))
    chosen_services = rng.choices(services, weights, k=per_day)
    chosen_languages = rng.choices(languages, language_weights, k=per_day)
    chosen_statuses = rng.choices(statuses, status_weights, k=per_day)
    numbers: dict[str, int] = {}
    tickets, events = [], []
    seq = 0
    for index in range(per_day):
        service = chosen_services[index]
        code_service = service.code
        numbers[code_service] = number = numbers.get(code_service, 0) + 1
        code = f"{letters[code_service]}{number:03d}"
        arrival_ms = arrivals[index] + (index % 7)  # distinct readings
        arrival = _hlc(arrival_ms)
        status = chosen_statuses[index]
        seq += 1
        key = f"{DESK}:{boot}:{seq}"
        priority = rng.choice(PRIORITIES) if rng.random() < 0.07 else None
        group = 1 if rng.random() < 0.9 else rng.randint(2, 4)
        language = chosen_languages[index]
        appointment = (
            lisbon_from_ms(arrival_ms + 600_000).isoformat() if service.appointment_only else None
        )
        issued_data = {
            "code": code,
            "group_size": str(group),
            "language": language,
            "number": str(number),
            "priority": priority or "",
            "service": code_service,
        }
        if appointment:
            issued_data["appointment_at"] = appointment
        events.append(
            (
                key,
                doc,
                key,
                "issued",
                arrival,
                DESK,
                boot,
                seq,
                json.dumps(issued_data, sort_keys=True, ensure_ascii=False),
                sigs.take(),
                "applied",
                None,
            )
        )
        current_service, referred_from = code_service, None
        if status == "done" and rng.random() < 0.04:
            referred_from = code_service
            current_service = rng.choice([c for c in walk_in if c != code_service])
        counter = rng.choice(COUNTERS)
        called_ms = started_ms = finished_ms = None
        called_by = closed_from = None
        recalls = 0
        if status in ("done", "no_show"):
            called_ms = arrival_ms + rng.randrange(3, 120) * 60_000
            called_by = counter
        if status == "done":
            started_ms = called_ms + rng.randrange(20_000, 120_000)
            finished_ms = started_ms + rng.randrange(4, 30) * 60_000
            updated_ms = finished_ms
            final = ("finished", {"desk": counter})
        elif status == "no_show":
            recalls = 2
            updated_ms = called_ms + 180_000
            final = ("no_show", {"desk": counter})
        elif status == "cancelled":
            updated_ms = arrival_ms + rng.randrange(1, 60) * 60_000
            final = ("cancelled", {})
        else:
            closed_from = "waiting"
            updated_ms = closed_ms
            final = None
        if final is not None:
            seq += 1
            events.append(
                (
                    f"{DESK}:{boot}:{seq}",
                    doc,
                    key,
                    final[0],
                    _hlc(updated_ms),
                    DESK,
                    boot,
                    seq,
                    json.dumps(final[1], sort_keys=True),
                    sigs.take(),
                    "applied",
                    None,
                )
            )
        tickets.append(
            (
                key,
                profile.id,
                iso,
                code_service,
                current_service,
                number,
                code,
                status,
                priority,
                language,
                group,
                arrival,
                DESK,
                arrival_ms,
                appointment,
                called_by,
                called_ms,
                started_ms,
                finished_ms,
                recalls,
                1 if rng.random() < 0.01 else 0,
                referred_from,
                None,
                None,
                closed_from,
                0,
                _hlc(updated_ms),
                f",{code_service},",
                "",
                "",
                False,
                1,
                "[]",
                "[]",
            )
        )
    seq += 1
    events.append(
        (
            f"{DESK}:{boot}:{seq}",
            doc,
            "",
            "day_closed",
            _hlc(closed_ms),
            DESK,
            boot,
            seq,
            "{}",
            sigs.take(),
            "applied",
            None,
        )
    )
    counters = [
        (iso, desk, "closed", json.dumps(rng.sample(walk_in, 2)), "", _hlc(closed_ms - 3_600_000))
        for desk in COUNTERS
    ]
    day_row = (iso, profile.id, _hlc(closed_ms), rng.randrange(20, 80))
    return tickets, events, counters, day_row


def _bulk_insert(database: Path, days: list[date], per_day: int, profile) -> dict[str, int]:
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-524288")
        connection.execute("PRAGMA temp_store=MEMORY")
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('ticket', 'event') AND sql IS NOT NULL"
        ).fetchall()
        connection.execute("BEGIN")
        for name, _sql in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        rng = random.Random(1_000_003)
        sigs = _Signatures()
        counts = {"tickets": 0, "events": 0, "days": 0}
        ticket_sql = f"INSERT INTO ticket ({_TICKET_COLUMNS}) VALUES ({', '.join('?' * 34)})"
        event_sql = f"INSERT INTO event ({_EVENT_COLUMNS}) VALUES ({', '.join('?' * 12)})"
        for number, day in enumerate(days, 1):
            tickets, events, counters, day_row = _day_rows(day, per_day, profile, rng, sigs)
            connection.executemany(ticket_sql, tickets)
            connection.executemany(event_sql, events)
            connection.executemany(
                "INSERT INTO counter (day, desk, status, services, technician, name, floor, "
                "side, updated) VALUES (?, ?, ?, ?, ?, '', '', '', ?)",
                counters,
            )
            connection.execute(
                "INSERT INTO day (day, centre, closed, info_given) VALUES (?, ?, ?, ?)", day_row
            )
            counts["tickets"] += len(tickets)
            counts["events"] += len(events)
            counts["days"] += 1
            if number % 25 == 0:
                progress(f"history: {number}/{len(days)} days, {counts['tickets']:,} tickets")
        progress("history: rebuilding the indexes")
        for _name, sql in indexes:
            connection.execute(sql)
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()
    return counts


def history_desk(days: int = WORKING_DAYS, per_day: int = TICKETS_PER_DAY) -> tuple[Path, dict]:
    """The cached desk folder holding ``days`` × ``per_day`` past tickets, generating it
    if it is not cached yet; and facts about it (generation time, size, rows)."""
    from cnaim_desk.domain.clock import lisbon_from_ms
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.journal.tables import SCHEMA_VERSION
    from cnaim_desk.resources import resources_dir

    # The file's "today" is the day of the desks' clock; another day needs another file.
    today = lisbon_from_ms(desk_clock()()).date().isoformat()
    name = f"history-schema{SCHEMA_VERSION}-gen{GENERATOR_VERSION}-{days}x{per_day}-{today}"
    final = CACHE_DIR / name
    facts_path = final / "facts.json"
    if facts_path.exists():
        facts = json.loads(facts_path.read_text())
        return final / "desk", {**facts, "cached": True}

    partial = CACHE_DIR / (name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    progress(f"history: generating {days * per_day:,} past tickets (cached afterwards)")
    started = time.perf_counter()
    journal = Journal.init_standalone(
        partial / "desk", demo_config(), resources=resources_dir(), now_ms=desk_clock()
    )
    profile = journal.profile
    database = journal.data_dir.database_path
    journal.close()
    past = _past_working_days(days, date.today())
    counts = _bulk_insert(database, past, per_day, profile)
    facts = {
        "generated_seconds": round(time.perf_counter() - started, 1),
        "generated_on": date.today().isoformat(),
        "first_day": past[0].isoformat(),
        "last_day": past[-1].isoformat(),
        "file_bytes": database.stat().st_size,
        **counts,
    }
    (partial / "facts.json").write_text(json.dumps(facts, indent=1) + "\n")
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return final / "desk", {**facts, "cached": False}


def populate_today(journal, seed: int = 7, tickets: int = 150) -> dict[str, object]:
    """Make today real, through the journal: six counters open, ``tickets`` issued, and
    people called, served, referred, cancelled or marked absent as they go, leaving ~40
    waiting and a few at counters. The same seed gives the same day on any file.
    Returns the statuses reached and each issue's time in milliseconds."""
    rng = random.Random(seed)
    services = walk_in_services(journal.profile)
    counters = {
        "C1": ["AIMA"],
        "C2": ["AIMA", "ACT"],
        "C3": ["SS"],
        "C4": ["SS", "MS", "ME"],
        "C5": ["EC", "GAT", "GASI", "GAJ"],
        "C6": [],
    }
    for desk, served in counters.items():
        journal.set_counter(desk, "open", served)
    weights = [journal.profile.service(code).daily_quota or 30 for code in services]
    issue_ms = []
    languages = [tag for tag, _ in LANGUAGE_SHARES]
    for index in range(tickets):
        service = rng.choices(services, weights)[0]
        priority = rng.choice(PRIORITIES) if rng.random() < 0.08 else None
        started = time.perf_counter()
        journal.issue(service, priority=priority, language=rng.choice(languages))
        issue_ms.append((time.perf_counter() - started) * 1000)
        if index < 12 or index % 3 == 0:
            continue
        desk = rng.choice(list(counters))
        called = journal.call_next(desk, counters[desk] or None)
        if called is None:
            continue
        roll = rng.random()
        if roll < 0.05:
            journal.no_show(called.id, desk)
        elif roll < 0.08:
            journal.start(called.id, desk)
            journal.refer(called.id, rng.choice([s for s in services if s != called.service]))
        else:
            journal.start(called.id, desk)
            journal.finish(called.id, desk)
    for desk, served in counters.items():  # someone at each counter now
        called = journal.call_next(desk, served or None)
        if called is not None and rng.random() < 0.5:
            journal.start(called.id, desk)
    today = journal.today().isoformat()
    waiting = journal.reader.run(lambda q: q.ordered_queue(today, None))
    for ticket in waiting[-3:]:
        journal.cancel(ticket.id)
    statuses: dict[str, int] = {}
    for view in journal.reader.run(lambda q: q.tickets(today)):
        statuses[view.status.value] = statuses.get(view.status.value, 0) + 1
    return {"statuses": dict(sorted(statuses.items())), "issue_ms": issue_ms}
