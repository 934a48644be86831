"""Events as stored in the day's replicated map (DESIGN.md, "The journal"): keys
``<desk>:<boot>:<seq>``, records ``{ticket, op, hlc, data, sig}`` holding only text, and the
exact bytes a desk signs."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnaim_desk.domain.clock import Hlc
from cnaim_desk.domain.events import (
    COUNTER_OPS,
    DAY_OPS,
    TICKET_OPS,
    Event,
    EventFormatError,
    EventKey,
    Op,
    is_desk_id,
)

KEY = "R1:0badc0de:1"
HLC = Hlc(1_774_000_000_000, 2)
DOC = "q/lisboa/2026-05-04"

desk_ids = st.from_regex(r"[A-Z][A-Z0-9]{0,7}", fullmatch=True)
boots = st.from_regex(r"[0-9a-f]{8,16}", fullmatch=True)
keys = st.builds(EventKey, desk_ids, boots, st.integers(1, 10**12))


def issued(**data: object) -> Event:
    fields = {"service": "SS", "number": "23", "code": "S023", "language": "ur"} | data
    return Event(EventKey.parse(KEY), KEY, Op.ISSUED, HLC, fields)


def record(**changes: object) -> dict[str, object]:
    """A well-formed record of an ``issued`` event under KEY, with some fields changed."""
    return issued().to_record("c2lnbmF0dXJl") | changes


# -- the ops -------------------------------------------------------------------------------


def test_the_ops_are_those_of_the_design():
    assert {op.value for op in Op} == {
        "issued",
        "called",
        "recalled",
        "started",
        "finished",
        "no_show",
        "reinstated",
        "cancelled",
        "referred",
        "reprinted",
        "checked_in",
        "info_given",
        "counter_opened",
        "counter_paused",
        "counter_closed",
        "day_closed",
    }


def test_every_op_is_about_exactly_one_of_a_ticket_a_counter_or_the_day():
    assert set(Op) == TICKET_OPS | COUNTER_OPS | DAY_OPS
    assert not TICKET_OPS & COUNTER_OPS
    assert not TICKET_OPS & DAY_OPS
    assert not COUNTER_OPS & DAY_OPS


# -- keys ----------------------------------------------------------------------------------


@given(keys)
def test_a_key_prints_and_parses_back(key):
    assert EventKey.parse(str(key)) == key


def test_a_key_names_its_desk_boot_and_sequence():
    key = EventKey.parse("C4:0123456789abcdef:42")
    assert (key.desk, key.boot, key.seq) == ("C4", "0123456789abcdef", 42)
    assert str(key) == "C4:0123456789abcdef:42"


@pytest.mark.parametrize(
    "text",
    [
        "r1:0badc0de:1",  # desk ids are upper case
        "1R:0badc0de:1",  # and start with a letter
        "R12345678:0badc0de:1",  # at most eight characters
        "R-1:0badc0de:1",
        ":0badc0de:1",
        "R1\n:0badc0de:1",
        "R1:0badc0d:1",  # boot: 8 to 16 hex digits
        "R1:0123456789abcdef0:1",
        "R1:0BADC0DE:1",  # lower-case hex only
        "R1:0badc0dx:1",
        "R1:0badc0de\n:1",
        "R1:0badc0de:0",  # sequences count from 1
        "R1:0badc0de:01",  # without leading zeros
        "R1:0badc0de:-1",
        "R1:0badc0de:+1",
        "R1:0badc0de:1.0",
        "R1:0badc0de: 1",
        "R1:0badc0de:",
        "R1:0badc0de:١",  # an Arabic-Indic one would print back as "1": two texts, one key
        "R1:0badc0de:²",
        "R1:0badc0de",  # wrong number of parts
        "R1:0badc0de:1:2",
        "R1",
        "",
    ],
)
def test_malformed_keys_are_refused(text):
    with pytest.raises(EventFormatError, match="is not <desk>:<boot>:<seq>"):
        EventKey.parse(text)


def test_a_key_that_is_not_text_is_refused():
    with pytest.raises(EventFormatError):
        EventKey.parse(None)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("R1", True),
        ("C4", True),
        ("B1", True),
        ("S1", True),
        ("RECEPT01", True),
        ("r1", False),  # upper case
        ("4C", False),  # starting with a letter
        ("RECEPTION", False),  # short: at most eight characters
        ("R1\n", False),
        ("", False),
    ],
)
def test_desk_ids_are_short_upper_case_ids(text, valid):
    assert is_desk_id(text) is valid


def test_events_fold_in_the_order_hlc_then_desk_boot_seq():
    def at(key: str, hlc: Hlc) -> Event:
        return Event(EventKey.parse(key), "t", Op.CALLED, hlc)

    later_clock = at("A1:00000000:1", Hlc(HLC.wall_ms + 1))
    other_desk = at("C2:00000000:1", HLC)
    other_boot = at("C1:ffffffff:1", HLC)
    higher_seq = at("C1:00000000:10", HLC)
    first = at("C1:00000000:9", HLC)
    shuffled = [later_clock, other_desk, first, other_boot, higher_seq]
    ordered = sorted(shuffled, key=lambda e: e.order)
    assert ordered == [first, higher_seq, other_boot, other_desk, later_clock]


# -- data ----------------------------------------------------------------------------------


def test_data_is_frozen_and_lists_become_tuples():
    documents = ["passport", "NIF"]
    event = Event(EventKey.parse(KEY), KEY, Op.ISSUED, HLC, {"documents": documents})
    documents.append("added later")
    assert event.data["documents"] == ("passport", "NIF")
    assert event.texts("documents") == ("passport", "NIF")
    with pytest.raises(TypeError):
        event.data["documents"] = ()  # type: ignore[index]


def test_text_and_texts_fall_back_when_the_kind_does_not_match():
    event = issued(documents=["passport"])
    assert event.text("code") == "S023"
    assert event.text("missing", "default") == "default"
    assert event.text("documents", "none") == "none"
    assert event.texts("code") == ()
    assert event.texts("missing") == ()


@pytest.mark.parametrize("value", [23, 2.5, None, True, {"a": "b"}, ["a", 1]])
def test_data_holds_only_text_or_lists_of_text(value):
    with pytest.raises(EventFormatError, match="text"):
        Event(EventKey.parse(KEY), KEY, Op.ISSUED, HLC, {"number": value})


# -- records -------------------------------------------------------------------------------


def test_a_record_holds_text_and_lists_of_text_only():
    stored = issued(documents=("passport", "NIF")).to_record("sig")
    assert stored == {
        "ticket": KEY,
        "op": "issued",
        "hlc": str(HLC),
        "data": {
            "service": "SS",
            "number": "23",
            "code": "S023",
            "language": "ur",
            "documents": ["passport", "NIF"],
        },
        "sig": "sig",
    }
    json.dumps(stored)  # and survives JSON as it is


def test_an_event_comes_back_from_its_record():
    event = issued(documents=["passport", "NIF"], priority="pregnancy")
    again, sig = Event.from_record(KEY, event.to_record("c2lnbmF0dXJl"))
    assert again == event
    assert sig == "c2lnbmF0dXJl"
    assert again.texts("documents") == ("passport", "NIF")


@pytest.mark.parametrize(
    "event",
    [
        Event(EventKey.parse("C4:0badc0de:7"), KEY, Op.CALLED, HLC, {"desk": "C4"}),
        Event(EventKey.parse("C4:0badc0de:8"), KEY, Op.REFERRED, HLC, {"to": "AIMA"}),
        Event(EventKey.parse("C4:0badc0de:9"), "", Op.COUNTER_OPENED, HLC, {"services": ["SS"]}),
        Event(EventKey.parse("S1:0badc0de:1"), "", Op.DAY_CLOSED, HLC),
        Event(EventKey.parse("R1:0badc0de:2"), "", Op.INFO_GIVEN, HLC, {"language": "ar"}),
    ],
    ids=lambda e: e.op.value,
)
def test_other_events_come_back_from_their_records(event):
    assert Event.from_record(str(event.key), event.to_record("s")) == (event, "s")


def test_a_record_that_is_not_a_mapping_is_refused():
    with pytest.raises(EventFormatError, match="not a record"):
        Event.from_record(KEY, ["ticket", "op"])


def test_a_record_with_an_extra_field_is_refused():
    with pytest.raises(EventFormatError, match="fields"):
        Event.from_record(KEY, record(name="Maria"))


@pytest.mark.parametrize("missing", ["ticket", "op", "hlc", "data", "sig"])
def test_a_record_missing_a_field_is_refused(missing):
    incomplete = record()
    del incomplete[missing]
    with pytest.raises(EventFormatError, match="fields"):
        Event.from_record(KEY, incomplete)


@pytest.mark.parametrize(
    "changes",
    [
        {"ticket": None},
        {"op": 1},
        {"hlc": 1774000000000.2},  # the replication engine turns numbers into floats
        {"sig": b"signature"},
    ],
)
def test_a_record_with_a_field_that_is_not_text_is_refused(changes):
    with pytest.raises(EventFormatError, match="not text"):
        Event.from_record(KEY, record(**changes))


def test_record_data_that_is_not_a_mapping_is_refused():
    with pytest.raises(EventFormatError, match="data is not a record"):
        Event.from_record(KEY, record(data=["service", "SS"]))


def test_record_data_with_a_number_is_refused():
    with pytest.raises(EventFormatError, match="text"):
        Event.from_record(KEY, record(data={"number": 23.0}))


def test_an_unknown_op_is_refused():
    with pytest.raises(EventFormatError, match="teleported"):
        Event.from_record(KEY, record(op="teleported"))


def test_a_malformed_clock_reading_is_refused():
    with pytest.raises(EventFormatError, match="clock reading"):
        Event.from_record(KEY, record(hlc="yesterday"))


def test_a_malformed_key_is_refused():
    with pytest.raises(EventFormatError, match="<desk>:<boot>:<seq>"):
        Event.from_record("R1:0badc0de:0", record(ticket="R1:0badc0de:0"))


def test_an_issued_event_must_name_itself_as_its_ticket():
    with pytest.raises(EventFormatError, match="name itself"):
        Event.from_record(KEY, record(ticket="R1:0badc0de:2"))


@pytest.mark.parametrize("op", sorted(TICKET_OPS - {Op.ISSUED}))
def test_a_ticket_op_without_a_ticket_is_refused(op):
    with pytest.raises(EventFormatError, match="names no ticket"):
        Event.from_record("C4:0badc0de:3", record(op=op.value, ticket="", data={}))


@pytest.mark.parametrize("op", sorted(COUNTER_OPS | DAY_OPS))
def test_a_counter_or_day_op_naming_a_ticket_is_refused(op):
    with pytest.raises(EventFormatError, match="must not name a ticket"):
        Event.from_record("C4:0badc0de:3", record(op=op.value, ticket=KEY, data={}))


# -- what a desk signs -----------------------------------------------------------------------


def test_the_signed_bytes_cover_document_key_and_content_but_not_the_signature():
    payload = json.loads(issued(documents=["passport"]).signing_payload(DOC))
    assert payload == {
        "doc": DOC,
        "key": KEY,
        "ticket": KEY,
        "op": "issued",
        "hlc": str(HLC),
        "data": {
            "service": "SS",
            "number": "23",
            "code": "S023",
            "language": "ur",
            "documents": ["passport"],
        },
    }


def test_changing_the_document_changes_the_signed_bytes():
    event = issued()
    assert event.signing_payload(DOC) != event.signing_payload("q/lisboa/2026-05-05")
    assert event.signing_payload(DOC) != event.signing_payload("q/norte/2026-05-04")


def test_changing_the_key_changes_the_signed_bytes():
    # The same content replayed under another key must not carry a valid signature.
    original = Event(EventKey.parse("C4:0badc0de:7"), KEY, Op.CALLED, HLC)
    replayed = Event(EventKey.parse("C4:0badc0de:8"), KEY, Op.CALLED, HLC)
    assert original.signing_payload(DOC) != replayed.signing_payload(DOC)


@pytest.mark.parametrize(
    "other",
    [
        Event(EventKey.parse("C4:0badc0de:7"), "R1:0badc0de:2", Op.CALLED, HLC),
        Event(EventKey.parse("C4:0badc0de:7"), KEY, Op.NO_SHOW, HLC),
        Event(EventKey.parse("C4:0badc0de:7"), KEY, Op.CALLED, Hlc(HLC.wall_ms, 3)),
        Event(EventKey.parse("C4:0badc0de:7"), KEY, Op.CALLED, HLC, {"desk": "C5"}),
    ],
    ids=["ticket", "op", "hlc", "data"],
)
def test_changing_any_content_changes_the_signed_bytes(other):
    original = Event(EventKey.parse("C4:0badc0de:7"), KEY, Op.CALLED, HLC)
    assert original.signing_payload(DOC) != other.signing_payload(DOC)


def test_the_signed_bytes_do_not_depend_on_the_order_of_data_keys():
    one = issued(priority="infant", group_size="3")
    two = Event(
        one.key,
        one.ticket,
        one.op,
        one.hlc,
        dict(reversed(list(one.data.items()))),
    )
    assert list(one.data) != list(two.data)
    assert one.signing_payload(DOC) == two.signing_payload(DOC)


def test_the_signed_bytes_survive_a_trip_through_a_record():
    event = issued(documents=["passport", "NIF"], note="Café ação")
    again, _ = Event.from_record(KEY, json.loads(json.dumps(event.to_record("s"))))
    assert again.signing_payload(DOC) == event.signing_payload(DOC)
