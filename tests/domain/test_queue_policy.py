"""Who is called next at a service (DESIGN.md "Triage flow"; domain brief §1, DL 58/2016):

1. appointments that are due, by appointment time (appointments are exempt from priority);
2. legal priority holders, in arrival order;
3. everyone else, in arrival order.

An appointment not yet due waits as an ordinary arrival, and a person who was referred or
reinstated keeps their original arrival time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from cnaim_desk.domain.clock import LISBON, Hlc
from cnaim_desk.domain.policy import QueueEntry, QueuePolicy

NOW = datetime(2026, 5, 4, 11, 0, tzinfo=LISBON)
NOW_MS = int(NOW.timestamp() * 1000)
LEAD = QueuePolicy().appointment_lead
POLICY = QueuePolicy()


def arrived(minutes_ago: float, counter: int = 0) -> Hlc:
    return Hlc(NOW_MS - int(minutes_ago * 60_000), counter)


def ids(entries: list[QueueEntry]) -> list[str]:
    return [entry.ticket_id for entry in entries]


# -- examples ------------------------------------------------------------------------------


def test_ordinary_arrivals_are_called_in_arrival_order():
    queue = [
        QueueEntry("b", arrived(20)),
        QueueEntry("c", arrived(5)),
        QueueEntry("a", arrived(40)),
    ]
    assert ids(POLICY.order(queue, NOW)) == ["a", "b", "c"]


def test_priority_holders_go_first_among_themselves_by_arrival():
    queue = [
        QueueEntry("early", arrived(60)),
        QueueEntry("pregnant", arrived(10), has_priority=True),
        QueueEntry("wheelchair", arrived(30), has_priority=True),
        QueueEntry("late", arrived(1)),
    ]
    assert ids(POLICY.order(queue, NOW)) == ["wheelchair", "pregnant", "early", "late"]


def test_due_appointments_go_first_by_appointment_time():
    queue = [
        QueueEntry("priority", arrived(90), has_priority=True),
        QueueEntry("at 11:00", arrived(5), appointment_at=NOW),
        QueueEntry("at 10:30", arrived(1), appointment_at=NOW - timedelta(minutes=30)),
        QueueEntry("walk-in", arrived(120)),
    ]
    assert ids(POLICY.order(queue, NOW)) == ["at 10:30", "at 11:00", "priority", "walk-in"]


def test_an_appointment_becomes_due_its_lead_before_its_time():
    at_lead = QueueEntry("x", arrived(1), appointment_at=NOW + LEAD)
    just_after = QueueEntry("y", arrived(1), appointment_at=NOW + LEAD + timedelta(seconds=1))
    assert POLICY.appointment_due(at_lead, NOW)
    assert not POLICY.appointment_due(just_after, NOW)
    assert not POLICY.appointment_due(QueueEntry("z", arrived(1)), NOW)


def test_the_lead_is_a_setting():
    no_lead = QueuePolicy(appointment_lead=timedelta(0))
    soon = QueueEntry("soon", arrived(1), appointment_at=NOW + timedelta(minutes=5))
    assert POLICY.appointment_due(soon, NOW)
    assert not no_lead.appointment_due(soon, NOW)


def test_an_appointment_not_yet_due_waits_as_an_ordinary_arrival():
    later = NOW + timedelta(hours=2)
    queue = [
        QueueEntry("walk-in before", arrived(30)),
        QueueEntry("booked", arrived(20), appointment_at=later),
        QueueEntry("walk-in after", arrived(10)),
        QueueEntry("priority", arrived(5), has_priority=True),
    ]
    assert ids(POLICY.order(queue, NOW)) == [
        "priority",
        "walk-in before",
        "booked",
        "walk-in after",
    ]


def test_an_appointment_never_gets_priority_treatment():
    # The person also claimed a legal priority: appointments are exempt from it (§1).
    booked = QueueEntry("booked", arrived(50), has_priority=True, appointment_at=NOW + 3 * LEAD)
    walk_in = QueueEntry("walk-in", arrived(40))
    priority = QueueEntry("priority", arrived(1), has_priority=True)
    assert ids(POLICY.order([walk_in, booked, priority], NOW)) == ["priority", "booked", "walk-in"]


def test_a_referred_person_keeps_their_place_in_time():
    # Issued at 09:00 for AIMA, referred to SS at 10:40: in the SS queue they still count
    # as having arrived at 09:00, ahead of everyone who came later.
    referred = QueueEntry("referred", arrived(120))
    queue = [QueueEntry("came at 10:00", arrived(60)), QueueEntry("came at 10:50", arrived(10))]
    assert ids(POLICY.order([*queue, referred], NOW))[0] == "referred"


def test_ties_in_arrival_are_broken_by_ticket_id_whatever_the_input_order():
    a = QueueEntry("a", arrived(5))
    b = QueueEntry("b", arrived(5))
    assert ids(POLICY.order([b, a], NOW)) == ids(POLICY.order([a, b], NOW)) == ["a", "b"]


# -- properties on random queues -------------------------------------------------------------

appointment_times = st.one_of(
    st.none(),
    st.integers(-180, 180).map(lambda minutes: NOW + timedelta(minutes=minutes)),
)
entry_fields = st.tuples(
    st.integers(0, 300),  # minutes since arrival
    st.integers(0, 3),  # clock counter: several arrivals in the same millisecond
    st.booleans(),
    appointment_times,
)
queues = st.lists(entry_fields, max_size=25).map(
    lambda rows: [
        QueueEntry(f"t{i:02d}", arrived(ago, counter), priority, appointment)
        for i, (ago, counter, priority, appointment) in enumerate(rows)
    ]
)


def due(entry: QueueEntry) -> bool:
    return entry.appointment_at is not None and entry.appointment_at - LEAD <= NOW


def group(entry: QueueEntry) -> str:
    """The three groups of the rule, worked out independently of the policy's own code."""
    if due(entry):
        return "due appointment"
    if entry.has_priority and entry.appointment_at is None:
        return "priority"
    return "everyone else"


def pairs(order: list[QueueEntry]):
    """Every (earlier, later) pair of the calling order."""
    for i, first in enumerate(order):
        for second in order[i + 1 :]:
            yield first, second


@given(queues)
def test_the_order_is_a_permutation_of_the_queue(queue):
    order = POLICY.order(queue, NOW)
    assert sorted(ids(order)) == sorted(ids(queue))


@given(queues, st.randoms(use_true_random=False))
def test_the_order_does_not_depend_on_the_input_order(queue, random):
    shuffled = list(queue)
    random.shuffle(shuffled)
    assert POLICY.order(shuffled, NOW) == POLICY.order(queue, NOW)


@given(queues)
def test_every_due_appointment_precedes_every_entry_that_is_not(queue):
    for first, second in pairs(POLICY.order(queue, NOW)):
        assert not (due(second) and not due(first))


@given(queues)
def test_among_walk_ins_every_priority_holder_precedes_every_other(queue):
    walk_ins = [e for e in POLICY.order(queue, NOW) if e.appointment_at is None]
    for first, second in pairs(walk_ins):
        assert not (second.has_priority and not first.has_priority)


@given(queues)
def test_appointments_not_due_never_jump_ahead_of_priority_holders(queue):
    for first, second in pairs(POLICY.order(queue, NOW)):
        if group(second) == "priority":
            assert due(first) or group(first) == "priority"


@given(queues)
def test_groups_come_in_the_order_of_the_rule(queue):
    rank = {"due appointment": 0, "priority": 1, "everyone else": 2}
    ranks = [rank[group(e)] for e in POLICY.order(queue, NOW)]
    assert ranks == sorted(ranks)


@given(queues)
def test_within_each_group_the_order_of_the_rule_holds(queue):
    for first, second in pairs(POLICY.order(queue, NOW)):
        if group(first) != group(second):
            continue
        if group(first) == "due appointment":
            assert first.appointment_at <= second.appointment_at
            if first.appointment_at == second.appointment_at:
                assert first.arrival <= second.arrival
        else:
            assert first.arrival <= second.arrival


@given(queues, entry_fields)
def test_a_referred_or_reinstated_person_is_never_behind_a_later_arrival(queue, fields):
    # Referral and reinstatement keep the ``issued`` reading as the arrival: the person
    # comes back into a queue with their old arrival time, whatever the time is now, and
    # nobody of their group who arrived after them is called before them.
    ago, counter, priority, appointment = fields
    returning = QueueEntry("returning", arrived(ago, counter), priority, appointment)
    order = POLICY.order([*queue, returning], NOW)
    place = ids(order).index("returning")
    if group(returning) != "due appointment":  # those go by appointment time instead
        for earlier in order[:place]:
            if group(earlier) == group(returning):
                assert earlier.arrival <= returning.arrival
