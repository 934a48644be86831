"""Desks that exchange updates through the sync's own calls (``state_of``, ``updates_for``,
``ingest``: what a link sends and applies), with messages dropped, duplicated, delayed
and reordered, end up with the same queue: no ticket lost, none twice, no code twice,
every status the same."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnaim_desk.domain.tickets import IN_QUEUE
from cnaim_desk.journal.journal import Journal
from tests.sync.centre import make_centre

DESKS = 3
SERVICES = ("SS", "AIMA")

step = st.one_of(
    st.tuples(st.just("issue"), st.integers(0, DESKS - 1), st.sampled_from(SERVICES)),
    st.tuples(st.just("call"), st.integers(0, DESKS - 1), st.integers(0, 3)),
    st.tuples(st.just("send"), st.integers(0, DESKS - 1), st.integers(0, DESKS - 1)),
    st.tuples(st.just("deliver"), st.integers(0, 50), st.booleans()),  # (which, keep a copy)
    st.tuples(st.just("drop"), st.integers(0, 50), st.just(False)),
)


def queue(journal: Journal) -> dict[str, tuple[str, str, str]]:
    today = journal.today().isoformat()
    return {
        ticket.id: (ticket.code, ticket.status.value, ticket.called_by or "")
        for ticket in journal.reader.run(lambda q: q.tickets(today))
    }


@pytest.mark.slow
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, max_size=40))
def test_desks_converge_whatever_the_network_does(tmp_path_factory, steps):
    desks = make_centre(tmp_path_factory.mktemp("centre"), ("R2", "reception"), ("R3", "reception"))
    try:
        # the documents a link exchanges: the centre's (with the registry) and today's
        documents = desks[0].shared_documents()
        # what each desk last heard of the others' state: a stale view, as over a link
        heard = {
            (a, b, doc): b""
            for a, b in itertools.permutations(range(DESKS), 2)
            for doc in documents
        }
        in_flight: list[tuple[int, str, bytes]] = []  # (to, document, update)
        issued: set[str] = set()
        for kind, first, second in steps:
            if kind == "issue":
                issued.add(desks[first].issue(second).id)
            elif kind == "call":
                waiting = [
                    tid
                    for tid, (_, status, _) in queue(desks[first]).items()
                    if status in {s.value for s in IN_QUEUE}
                ]
                if waiting:
                    desks[first].call(waiting[second % len(waiting)], f"C{first + 1}")
            elif kind == "send" and first != second:
                for doc in documents:
                    known = heard[(second, first, doc)] or None
                    in_flight.append((second, doc, desks[first].updates_for(doc, known)))
                    heard[(second, first, doc)] = desks[second].state_of(doc)
            elif kind in ("deliver", "drop") and in_flight:
                index = first % len(in_flight)
                to, doc, update = in_flight[index] if second else in_flight.pop(index)
                if kind == "deliver":
                    desks[to].ingest(doc, update)
        # the network heals: every pair exchanges what the other lacks (anti-entropy)
        for _ in range(2):
            for a, b in itertools.permutations(range(DESKS), 2):
                for doc in documents:
                    desks[b].ingest(doc, desks[a].updates_for(doc, desks[b].state_of(doc)))
        views = [queue(desk) for desk in desks]
        assert views[0] == views[1] == views[2]
        assert set(views[0]) == issued  # nothing lost, nothing invented
        codes = [code for code, _, _ in views[0].values()]
        assert len(codes) == len(set(codes))  # no number shown twice
    finally:
        for desk in desks:
            desk.close()
