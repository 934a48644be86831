"""Ticket numbers never collide, even while issuing desks are cut off from each other
(DESIGN.md, "Sync between desks"): each desk owns a slot of every service's daily range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnaim_desk.domain.numbering import MAX_SLOT, NumberingSlot, format_code

shared_slots = st.integers(1, MAX_SLOT)  # the slots of reception desks sharing a centre
positions = st.integers(0, 5_000)


def test_a_standalone_desk_owns_every_number_from_one():
    standalone = NumberingSlot()
    assert standalone.index == 0
    assert [standalone.nth(i) for i in range(5)] == [1, 2, 3, 4, 5]
    assert standalone.nth(1099) == 1100
    assert all(standalone.owns(n) for n in (1, 99, 100, 250, 1100, 987_654))
    assert not standalone.owns(0)
    assert not standalone.owns(-3)


@pytest.mark.parametrize("index", range(1, MAX_SLOT + 1))
def test_a_shared_slot_owns_its_hundred_of_every_thousand(index):
    slot = NumberingSlot(index)
    base = index * 100
    assert slot.nth(0) == base
    assert slot.nth(99) == base + 99
    assert slot.nth(100) == 1000 + base  # the next thousand, same hundred
    assert slot.nth(250) == 2000 + base + 50
    assert slot.owns(base)
    assert slot.owns(base + 99)
    assert slot.owns(3000 + base + 7)
    assert not slot.owns(base - 1)
    assert not slot.owns(base + 100)
    assert not slot.owns(0)


def test_slot_one_example_from_the_module():
    slot = NumberingSlot(1)
    numbers = [slot.nth(i) for i in range(200)]
    assert numbers == [*range(100, 200), *range(1100, 1200)]


@given(shared_slots, shared_slots, positions, positions)
def test_two_different_shared_slots_never_produce_the_same_number(a, b, i, j):
    if a != b:
        assert NumberingSlot(a).nth(i) != NumberingSlot(b).nth(j)


@given(shared_slots, shared_slots, positions)
def test_a_number_is_owned_by_exactly_one_shared_slot(index, other, position):
    number = NumberingSlot(index).nth(position)
    assert NumberingSlot(index).owns(number)
    assert NumberingSlot(other).owns(number) == (other == index)


@given(st.integers(0, MAX_SLOT), positions)
def test_positions_and_numbers_map_one_to_one(index, position):
    slot = NumberingSlot(index)
    number = slot.nth(position)
    assert number >= 1
    assert slot.position_of(number) == position
    assert slot.nth(position + 1) > number  # a slot's numbers only grow through the day


@given(st.integers(0, MAX_SLOT), st.lists(st.integers(1, 20_000), max_size=30))
def test_next_number_is_the_slots_own_and_after_all_its_issued_numbers(index, issued):
    slot = NumberingSlot(index)
    following = slot.next_number(issued)
    assert slot.owns(following)
    assert following not in issued
    assert all(following > n for n in issued if slot.owns(n))


def test_next_number_starts_a_day_at_the_slots_first_number():
    assert NumberingSlot(0).next_number([]) == 1
    assert NumberingSlot(4).next_number([]) == 400


def test_next_number_continues_after_the_largest_not_the_last():
    assert NumberingSlot(0).next_number([1, 2, 7, 3]) == 8
    assert NumberingSlot(3).next_number([301, 305, 302]) == 306


def test_next_number_ignores_other_slots_numbers():
    # 250 is slot 2's, 999 slot 9's, 1450 slot 4's: none moves slot 3 on.
    assert NumberingSlot(3).next_number([301, 250, 999, 1450]) == 302
    assert NumberingSlot(3).next_number([250, 999]) == 300


def test_next_number_moves_to_the_next_thousand_after_ninety_nine():
    assert NumberingSlot(1).next_number([198, 199]) == 1100


@pytest.mark.parametrize("index", [-1, MAX_SLOT + 1, 100])
def test_slots_outside_zero_to_nine_are_refused(index):
    with pytest.raises(ValueError, match="slot"):
        NumberingSlot(index)


def test_negative_positions_are_refused():
    with pytest.raises(ValueError, match="negative"):
        NumberingSlot(2).nth(-1)


def test_position_of_a_number_the_slot_does_not_own_is_refused():
    with pytest.raises(ValueError, match="not in slot 2"):
        NumberingSlot(2).position_of(301)


@pytest.mark.parametrize(
    ("letter", "number", "code"),
    [("A", 1, "A001"), ("A", 23, "A023"), ("S", 100, "S100"), ("A", 1100, "A1100")],
)
def test_codes_have_the_letter_and_at_least_three_digits(letter, number, code):
    assert format_code(letter, number) == code
