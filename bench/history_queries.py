"""Queue queries with a million historical tickets in the file.

The windows ask these of the journal on every change (the board, the reception's side
panel, the counter's queue), each through ``journal.reader.run(...)``, on a session of its
own. Here each runs 200 times (after 5 unmeasured) on a desk file holding a year of history
(see :mod:`bench.history_file`: ~250 working days × 4,000 tickets, bulk-inserted as
projection rows, and a real today of ~150 tickets made through the journal), then on a file
with the same today and no history, so the cost of the history shows.

Each distinct SQL statement the queries issue is captured and put through
``EXPLAIN QUERY PLAN`` on the history file: the table says whether each uses an index, and
flags any full scan of ``ticket``.

Beside the budget: how long ``Journal.open`` takes on each file (a desk's start-up pays
it), and how long issuing today's tickets took on each (the issue budget, on a full file).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import time
from collections.abc import Callable

from sqlalchemy import event

from bench.history_file import TICKETS_PER_DAY, WORKING_DAYS, history_desk, populate_today
from bench.measure import (
    HISTORY_QUERIES,
    Outcome,
    Row,
    desk_clock,
    fmt_bytes,
    fmt_ms,
    ms,
    new_desk,
    profile,
    progress,
    remove_dir,
    scratch_dir,
    summary,
)

NAME = "history_queries"
WARM_UP = 5


def _queries(journal) -> dict[str, Callable]:
    today = journal.today().isoformat()
    codes = list(journal.profile.codes)
    queue = journal.reader.run(lambda q: q.ordered_queue(today, None))
    code = queue[len(queue) // 2].code if queue else "S001"
    return {
        f"service_loads(today, all {len(codes)} services)": lambda q: q.service_loads(today, codes),
        "waiting(today, None)": lambda q: q.waiting(today, None),
        'waiting(today, ["SS"])': lambda q: q.waiting(today, ["SS"]),
        "ordered_queue(today, None)": lambda q: q.ordered_queue(today, None),
        "tickets(today)": lambda q: q.tickets(today),
        f"ticket(today, {code!r})": lambda q: q.ticket(today, code),
        "recent_calls(today)": lambda q: q.recent_calls(today),
    }


def _time_queries(journal, runs: int) -> dict[str, dict[str, float]]:
    results = {}
    for label, query in _queries(journal).items():
        for _ in range(WARM_UP):
            journal.reader.run(query)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            journal.reader.run(query)
            times.append(ms(time.perf_counter() - started))
        results[label] = summary(times)
    return results


def _statements(journal) -> tuple[dict[str, tuple[tuple, list[str]]], dict[str, int]]:
    """Each distinct statement the queries issue (its parameters and the queries using
    it), and how many statements each query executes."""
    seen: dict[str, tuple[tuple, list[str]]] = {}
    counts: dict[str, int] = {}
    current = [""]

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:
        text = " ".join(statement.split())
        if text.upper().startswith(("SELECT", "WITH")):
            counts[current[0]] = counts.get(current[0], 0) + 1
            entry = seen.setdefault(text, (tuple(parameters or ()), []))
            if current[0] not in entry[1]:
                entry[1].append(current[0])

    event.listen(journal.read_engine, "before_cursor_execute", capture)
    try:
        for label, query in _queries(journal).items():
            current[0] = label
            journal.reader.run(query)
    finally:
        event.remove(journal.read_engine, "before_cursor_execute", capture)
    return seen, counts


def _shape(statement: str) -> str:
    """A short name for a statement: its table and its WHERE / ORDER BY, no column list
    (but an aggregate, such as ``max(hlc)``, is kept)."""
    match = re.search(r"^SELECT (.*?) FROM (\w+)(.*)$", statement)
    if not match:
        return statement[:80]
    columns, table, rest = match.groups()
    unqualify = r"\b(ticket|counter|day|event)\."
    rest = re.sub(unqualify, "", rest).strip()
    rest = re.sub(r"\(__\[POSTCOMPILE_\w+\]\)|\((\?, )*\?\)", "(…)", rest)
    aggregate = re.match(r"(\w+\([^)]*\))", re.sub(unqualify, "", columns))
    head = f"{aggregate.group(1)} FROM {table}" if aggregate else table
    return f"{head} {rest}".strip()[:110]


def _plan_steps(details: list[str] | tuple[str, ...]) -> list[str]:
    """The plan's distinct steps in order, a repeated one (each arm of a UNION ALL) once
    with its count."""
    counts: dict[str, int] = {}
    for detail in details:
        step = re.sub(r"\bsubquery-\d+", "subquery-n", detail)
        counts[step] = counts.get(step, 0) + 1
    return [f"{step} ×{count}" if count > 1 else step for step, count in counts.items()]


def _plan_text(details: list[str]) -> str:
    """The plan, saying so when no step uses an index (SQLite words a min/max over a
    column without an index "SEARCH t", though it reads the whole table)."""
    text = " / ".join(_plan_steps(details))
    return text if any(" USING " in d for d in details) else f"{text}: no index, whole table"


def _plans(database, statements) -> list[dict[str, object]]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        plans: dict[tuple[str, tuple[str, ...]], dict[str, object]] = {}
        for statement, (parameters, used_by) in statements.items():
            rows = connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            details = tuple(row[3] for row in rows)
            shape = _shape(statement)
            key = (shape, tuple(step.split(" ×")[0] for step in _plan_steps(details)))
            plan = plans.setdefault(
                key,
                {
                    "shape": shape,
                    "used_by": [],
                    "plan": list(details),
                    "uses_index": any(" USING " in d for d in details),
                    "full_scan_of_ticket": any(re.match(r"SCAN ticket\b", d) for d in details),
                },
            )
            plan["used_by"] += [label for label in used_by if label not in plan["used_by"]]
        return list(plans.values())
    finally:
        connection.close()


def _plan_of(journal, statement: str, parameters: tuple) -> list[str]:
    connection = sqlite3.connect(f"file:{journal.data_dir.database_path}?mode=ro", uri=True)
    try:
        rows = connection.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
        return [row[3] for row in rows]
    finally:
        connection.close()


def _open(root):
    """Open the desk's journal as the app does; the seconds it took, and the slowest SQL
    statements it ran (text, parameters, milliseconds)."""
    from sqlalchemy.engine import Engine

    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.resources import resources_dir

    starts: list[float] = []
    timings: list[tuple[str, tuple, float]] = []

    def before(_conn, _cursor, _statement, _parameters, _context, _many) -> None:
        starts.append(time.perf_counter())

    def after(_conn, _cursor, statement, parameters, _context, _many) -> None:
        elapsed = ms(time.perf_counter() - starts.pop())
        timings.append((" ".join(statement.split()), tuple(parameters or ()), elapsed))

    event.listen(Engine, "before_cursor_execute", before)
    event.listen(Engine, "after_cursor_execute", after)
    try:
        started = time.perf_counter()
        journal = Journal.open(
            root, resources=resources_dir(), purpose="bench history", now_ms=desk_clock()
        )
        seconds = time.perf_counter() - started
    finally:
        event.remove(Engine, "before_cursor_execute", before)
        event.remove(Engine, "after_cursor_execute", after)
    return journal, seconds, sorted(timings, key=lambda item: -item[2])[:3]


def run(quick: bool = False) -> Outcome:
    days = 50 if quick else WORKING_DAYS
    runs = 50 if quick else 200
    outcome = Outcome(NAME)
    cached, facts = history_desk(days, TICKETS_PER_DAY)
    work = scratch_dir("history")
    try:
        progress(f"history: copying the {fmt_bytes(facts['file_bytes'])} file to a scratch folder")
        started = time.perf_counter()
        shutil.copytree(cached, work / "history")
        copy_s = time.perf_counter() - started
        journal, open_history_s, open_statements = _open(work / "history")
        try:
            progress("history: making today through the journal (~150 tickets)")
            today_history = populate_today(journal)
            progress(f"history: timing 7 queries × {runs} on the history file")
            with_history = _time_queries(journal, runs)
            statements, executed = _statements(journal)
            plans = _plans(journal.data_dir.database_path, statements)
            open_plans = [
                {"shape": _shape(text), "plan": _plan_of(journal, text, parameters)}
                for text, parameters, _ in open_statements
            ]
            size = journal.data_dir.database_path.stat().st_size
            worst_label = max(with_history, key=lambda label: with_history[label]["p95"])
            profiled = None
            if with_history[worst_label]["p95"] > HISTORY_QUERIES.limit:
                progress(f"history: over budget, profiling {worst_label} × 50")
                query = _queries(journal)[worst_label]
                profiled = profile(lambda: journal.reader.run(query), 50)
        finally:
            journal.close()

        empty = new_desk(work / "empty", seed=False)
        empty.close()
        journal, open_empty_s, _ = _open(work / "empty")
        try:
            progress("history: the same today on a file without history")
            today_empty = populate_today(journal)
            progress(f"history: timing 7 queries × {runs} on the file without history")
            without_history = _time_queries(journal, runs)
        finally:
            journal.close()
    finally:
        remove_dir(work)

    worst = with_history[worst_label]["p95"]
    worst_empty = max(stats["p95"] for stats in without_history.values())
    added = with_history[worst_label]["p50"] - without_history[worst_label]["p50"]
    max_added = max(
        with_history[label]["p50"] - without_history[label]["p50"] for label in with_history
    )
    tickets = facts["tickets"]
    outcome.rows.append(
        Row(
            f"queue queries, {tickets:,} past tickets in the file (worst p95 of 7)",
            f"{fmt_ms(worst)} — {worst_label} (worst without history: {fmt_ms(worst_empty)}; "
            f"history adds {added:+.2f} ms at p50 to that query, "
            f"{max_added:+.2f} ms at most to any)",
            HISTORY_QUERIES,
            worst,
        )
    )
    for label, stats in with_history.items():
        bare = without_history[label]
        outcome.rows.append(
            Row(
                f"· {label}",
                f"p50 {fmt_ms(stats['p50'])}, p95 {fmt_ms(stats['p95'])} "
                f"(no history: {fmt_ms(bare['p50'])}, {fmt_ms(bare['p95'])}); "
                f"{executed.get(label, 0)} SQL statements",
            )
        )
    scans = [plan for plan in plans if plan["full_scan_of_ticket"]]
    unindexed = [plan for plan in plans if not plan["uses_index"]]
    if scans or unindexed:
        verdict = "; ".join(
            f"FULL SCAN in {plan['shape']} (by {', '.join(plan['used_by'])})" for plan in scans
        ) + "".join(f"; no index: {plan['shape']}" for plan in unindexed if plan not in scans)
    else:
        verdict = f"all {len(plans)} statement shapes use an index; no full scan of ticket"
    outcome.rows.append(Row("· query plans (EXPLAIN QUERY PLAN)", verdict))
    generated = (
        f"cached; generated in {facts['generated_seconds']:.0f} s"
        if facts["cached"]
        else f"generated in {facts['generated_seconds']:.0f} s (now cached)"
    )
    outcome.rows.append(
        Row(
            "· the history file",
            f"{tickets:,} tickets, {facts['events']:,} events over {facts['days']} days, "
            f"{fmt_bytes(size)}; {generated}",
        )
    )
    pairs = list(zip(open_statements, open_plans, strict=True))[:2]
    slowest = "; ".join(
        f"{plan['shape']} {elapsed:.0f} ms ({_plan_text(plan['plan'])})"
        for (_text, _parameters, elapsed), plan in pairs
    )
    outcome.rows.append(
        Row(
            "· `Journal.open` on the history file",
            f"{open_history_s * 1000:.0f} ms (without history: {open_empty_s * 1000:.0f} ms); "
            f"slowest statements: {slowest}",
        )
    )
    issue_history, issue_empty = (
        summary(today_history["issue_ms"]),
        summary(today_empty["issue_ms"]),
    )
    outcome.rows.append(
        Row(
            "· issue a ticket on the history file",
            f"p50 {fmt_ms(issue_history['p50'])}, p95 {fmt_ms(issue_history['p95'])} "
            f"(without history: {fmt_ms(issue_empty['p50'])}, {fmt_ms(issue_empty['p95'])}; "
            f"n={issue_history['n']})",
        )
    )
    outcome.notes.append(
        "History queries: the past is synthetic, bulk-inserted projection rows (no replicated "
        "updates, random signatures); today is real: "
        + ", ".join(f"{count} {status}" for status, count in today_history["statuses"].items())
        + f". Each query runs {runs} times through `journal.reader.run` after {WARM_UP} "
        "unmeasured, with the file in the OS cache."
    )
    outcome.notes.append(
        "Query plans: "
        + " · ".join(
            f"{plan['shape']} → {_plan_text(plan['plan'])}"
            + (" **FULL SCAN**" if plan["full_scan_of_ticket"] else "")
            for plan in plans
        )
    )
    outcome.details = {
        "history": {**facts, "file_bytes_with_today": size, "copy_seconds": round(copy_s, 2)},
        "runs": runs,
        "query_ms_with_history": with_history,
        "query_ms_without_history": without_history,
        "plans": plans,
        "statements_per_query": executed,
        "journal_open_ms": {
            "with_history": round(open_history_s * 1000, 1),
            "without_history": round(open_empty_s * 1000, 1),
            "slowest_statements": [
                {"sql": text, "ms": round(elapsed, 1), "plan": plan["plan"]}
                for (text, _parameters, elapsed), plan in zip(
                    open_statements, open_plans, strict=True
                )
            ],
        },
        "issue_ms": {"with_history": issue_history, "without_history": issue_empty},
        "today": today_history["statuses"],
    }
    if profiled:
        outcome.details["profile_of_worst_query"] = {"query": worst_label, **profiled}
        total = profiled["cumulative_ms"][0][1] if profiled["cumulative_ms"] else 0.0
        outcome.notes.append(
            f"History queries, profile of {worst_label} (cProfile, ms per call, which "
            f"inflates Python time): {total:.2f} ms in all, of which SQLite's own calls "
            f"{profiled['sqlite3_ms']:.2f} ms; most self time in "
            + ", ".join(f"{where} {value:.2f}" for where, value in profiled["self_ms"][:6])
            + "."
        )
    return outcome
