"""Ticket numbers: each service's numbers restart every day, and each issuing desk owns a
slot of the range, so numbers never collide even while desks are cut off from each other.

Slot 0 is a standalone desk's: it owns every number (1, 2, 3, ...). Slot ``s`` in 1..9
owns the hundred ``s*100 .. s*100+99`` of each thousand: slot 1 issues 100-199, then
1100-1199, and so on, so two reception desks never hand out the same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MAX_SLOT = 9


@dataclass(frozen=True, slots=True)
class NumberingSlot:
    """The part of every service's daily number range that one issuing desk owns."""

    index: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.index <= MAX_SLOT:
            raise ValueError(f"a numbering slot is 0 (standalone) or 1..{MAX_SLOT}")

    def nth(self, position: int) -> int:
        """The number of this slot's ticket at ``position`` (0-based) in a day."""
        if position < 0:
            raise ValueError("position must not be negative")
        if self.index == 0:
            return position + 1
        thousand, offset = divmod(position, 100)
        return thousand * 1000 + self.index * 100 + offset

    def owns(self, number: int) -> bool:
        if number < 1:
            return False
        if self.index == 0:
            return True
        return (number % 1000) // 100 == self.index

    def position_of(self, number: int) -> int:
        if not self.owns(number):
            raise ValueError(f"number {number} is not in slot {self.index}")
        if self.index == 0:
            return number - 1
        return (number // 1000) * 100 + number % 100

    def next_number(self, issued_today: Iterable[int]) -> int:
        """The next number after every number of this slot already issued today."""
        positions = [self.position_of(n) for n in issued_today if self.owns(n)]
        return self.nth(max(positions) + 1 if positions else 0)


def format_code(letter: str, number: int) -> str:
    """The code people see and hear: the service letter and at least three digits."""
    return f"{letter}{number:03d}"
