"""Centre profiles: which services a CNAIM centre offers, with their letters, quotas,
cut-off times and opening hours.

Profiles are TOML files in ``resources/centres/`` that centre staff can edit by hand;
:func:`parse_profile` turns one into a :class:`CentreProfile` and names every mistake
with its place in the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.languages import LANGUAGE_TAGS

CENTRE_IDS = ("lisboa", "norte", "algarve")
SERVICE_CODES = (
    "AIMA",
    "ACT",
    "SS",
    "MS",
    "ME",
    "CRC",
    "EC",
    "GAT",
    "GASI",
    "GAJ",
    "GAIPESQ",
    "GAV",
    "GAEM",
)
#: Offices whose real name must never reach a ticket or a board.
SENSITIVE_CODES = frozenset({"GAV"})
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ServiceKind(StrEnum):
    """A public institution with its own counters, or one of the centre's support offices."""

    PUBLIC_INSTITUTION = "public_institution"
    SUPPORT_OFFICE = "support_office"


class ProfileError(ValueError):
    """A centre profile that cannot be used; ``problems`` lists each mistake with its place."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """One opening period of a weekday, ``opens`` inclusive, ``closes`` exclusive."""

    opens: time
    closes: time

    def contains(self, moment: time) -> bool:
        return self.opens <= moment < self.closes


@dataclass(frozen=True, slots=True)
class Service:
    """A service offered at a centre.

    :meth:`public_name` is what waiting rooms and tickets show; it differs from the real
    name only for sensitive offices (victim support), whose real name appears on staff
    screens alone. Such an office's letter is chosen neutral in the profile itself.
    """

    code: str
    letter: str
    name: Mapping[str, str]
    kind: ServiceKind
    daily_quota: int | None = None
    cutoff: time | None = None
    appointment_only: bool = False
    sensitive: bool = False
    public_name_override: Mapping[str, str] | None = None
    short_name: Mapping[str, str] | None = None
    pictogram: str = ""
    hours: Mapping[str, tuple[OpeningHours, ...]] = field(default_factory=dict)

    def staff_name(self, lang: str = "pt") -> str:
        """The real name, for staff screens only."""
        return self.name.get(lang) or self.name["en"]

    def public_name(self, lang: str = "pt") -> str:
        """The name for tickets, boards and anything an arrival or the room can see."""
        names = self.public_name_override or self.name
        return names.get(lang) or names.get("en") or next(iter(names.values()))

    def staff_short_name(self, lang: str = "pt") -> str:
        """A short name for staff buttons and lists (the real name, abbreviated)."""
        names = self.short_name or self.name
        return names.get(lang) or names.get("en") or self.staff_name(lang)

    def public_short_name(self, lang: str = "pt") -> str:
        """A short name for boards; a sensitive office keeps its neutral public name."""
        if self.sensitive:
            return self.public_name(lang)
        return self.staff_short_name(lang)

    def is_open(self, moment: datetime) -> bool:
        """Whether the service is open at ``moment`` (read on Lisbon's wall clock)."""
        local = _lisbon_wall_time(moment)
        periods = self.hours.get(WEEKDAYS[local.weekday()], ())
        return any(period.contains(local.time()) for period in periods)

    def closed_for_the_day(self, moment: datetime) -> bool:
        """No hours today, or today's last period is over. Before opening the service is
        not closed: people queue from early morning, and tickets are given to them."""
        local = _lisbon_wall_time(moment)
        periods = self.hours.get(WEEKDAYS[local.weekday()], ())
        return not periods or local.time() >= max(period.closes for period in periods)

    def past_cutoff(self, moment: datetime) -> bool:
        """Whether the ticket cut-off time has passed at ``moment`` (Lisbon wall clock)."""
        return self.cutoff is not None and _lisbon_wall_time(moment).time() >= self.cutoff

    def issues_tickets_at(self, moment: datetime) -> bool:
        """Open, and not past the ticket cut-off time."""
        return not self.past_cutoff(moment) and self.is_open(moment)


@dataclass(frozen=True, slots=True)
class SupportLine:
    """The Migrants Support Line (booking and information by phone)."""

    numbers: tuple[str, ...]
    hours: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class CentreProfile:
    """Everything a desk needs to know about its centre, read from a profile file."""

    id: str
    name: Mapping[str, str]
    address: str
    support_line: SupportLine
    services: tuple[Service, ...]
    board_messages: tuple[Mapping[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    lawyer_daily_cap: int = 3
    appointment_window: tuple[int, int] = (15, 15)  # minutes before and after the time
    #: After this many recalls a ticket not answered is marked a no-show (0: never).
    max_recalls: int = 3
    #: The board also says a call in the holder's language (where a voice exists). Off by
    #: default: hearing a language spoken can reveal a person's nationality.
    speak_holder_language: bool = False

    def service(self, code: str) -> Service:
        """The service with this code; ``KeyError`` with a plain message when absent."""
        for service in self.services:
            if service.code == code:
                return service
        offered = ", ".join(s.code for s in self.services)
        raise KeyError(f"this centre has no service {code!r}; it offers {offered}")

    def has_service(self, code: str) -> bool:
        return any(service.code == code for service in self.services)

    def service_by_letter(self, letter: str) -> Service:
        for service in self.services:
            if service.letter == letter:
                return service
        raise KeyError(f"no service uses the letter {letter!r}")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(service.code for service in self.services)

    def is_open_on(self, day: date) -> bool:
        return any(service.hours.get(WEEKDAYS[day.weekday()]) for service in self.services)


def _lisbon_wall_time(moment: datetime) -> datetime:
    # An aware moment is read in Lisbon; a naive one is taken as Lisbon wall time already.
    return moment.astimezone(LISBON) if moment.tzinfo is not None else moment


_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_LETTER = re.compile(r"^[A-Z]$")


class _Problems:
    """Collects every mistake in a profile so the file's editor sees them all at once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, place: str, message: str) -> None:
        self.items.append(f"{place}: {message}")


#: "24:00" as a closing time ends a period with the day.
END_OF_DAY = time(23, 59, 59, 999999)


def _parse_time(
    value: Any, place: str, problems: _Problems, *, closing: bool = False
) -> time | None:
    if closing and value == "24:00":
        return END_OF_DAY
    if not isinstance(value, str) or not _TIME.match(value):
        problems.add(place, f'expected a time like "09:30", found {value!r}')
        return None
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def _parse_hours(raw: Any, place: str, problems: _Problems) -> dict[str, tuple[OpeningHours, ...]]:
    if not isinstance(raw, dict):
        problems.add(place, 'expected a table of weekdays, e.g. mon = ["08:00-17:00"]')
        return {}
    hours: dict[str, tuple[OpeningHours, ...]] = {}
    for day, periods in raw.items():
        if day not in WEEKDAYS:
            problems.add(f"{place}.{day}", f"unknown weekday; use {', '.join(WEEKDAYS)}")
            continue
        if not isinstance(periods, list):
            problems.add(f"{place}.{day}", 'expected a list like ["08:00-12:30", "14:00-17:00"]')
            continue
        parsed = []
        for i, period in enumerate(periods):
            where = f"{place}.{day}[{i}]"
            if not isinstance(period, str) or "-" not in period:
                problems.add(where, f'expected "HH:MM-HH:MM", found {period!r}')
                continue
            start_text, end_text = period.split("-", 1)
            start = _parse_time(start_text.strip(), where, problems)
            end = _parse_time(end_text.strip(), where, problems, closing=True)
            if start and end:
                if end <= start:
                    problems.add(where, "closes before it opens")
                else:
                    parsed.append(OpeningHours(start, end))
        hours[day] = tuple(parsed)
    return hours


def _parse_names(raw: Any, place: str, problems: _Problems, required=("pt", "en")) -> dict:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        problems.add(place, 'expected a table of language = "text"')
        return {}
    for lang in required:
        if not raw.get(lang, "").strip():
            problems.add(place, f"missing the {lang!r} text")
    for lang in raw:
        if lang not in LANGUAGE_TAGS:
            problems.add(
                f"{place}.{lang}", f"unknown language; use one of {', '.join(LANGUAGE_TAGS)}"
            )
    return dict(raw)


def _parse_service(
    raw: Any, place: str, default_hours: dict, problems: _Problems
) -> Service | None:
    if not isinstance(raw, dict):
        problems.add(place, "expected a [[services]] table")
        return None
    code = raw.get("code")
    if code not in SERVICE_CODES:
        problems.add(
            f"{place}.code", f"unknown service code {code!r}; use one of {', '.join(SERVICE_CODES)}"
        )
        return None
    place = f"services.{code}"
    letter = raw.get("letter")
    if not isinstance(letter, str) or not _LETTER.match(letter):
        problems.add(f"{place}.letter", f"expected one capital letter, found {letter!r}")
        letter = "?"
    try:
        kind = ServiceKind(raw.get("kind"))
    except ValueError:
        problems.add(
            f"{place}.kind",
            f"use {ServiceKind.PUBLIC_INSTITUTION!r} or {ServiceKind.SUPPORT_OFFICE!r}",
        )
        kind = ServiceKind.SUPPORT_OFFICE
    quota = raw.get("daily_quota")
    if quota is not None and (not isinstance(quota, int) or isinstance(quota, bool) or quota < 0):
        problems.add(f"{place}.daily_quota", f"expected a whole number of tickets, found {quota!r}")
        quota = None
    cutoff = raw.get("cutoff")
    cutoff_time = _parse_time(cutoff, f"{place}.cutoff", problems) if cutoff is not None else None
    sensitive = bool(raw.get("sensitive", False))
    public = raw.get("public_name")
    public_name = _parse_names(public, f"{place}.public_name", problems) if public else None
    if code in SENSITIVE_CODES and not sensitive:
        problems.add(
            place, "victim support must be marked sensitive = true (never named in public)"
        )
    if sensitive and not public_name:
        problems.add(place, "a sensitive office needs a neutral public_name for tickets and boards")
    short = raw.get("short_name")
    short_name = _parse_names(short, f"{place}.short_name", problems) if short else None
    hours = (
        _parse_hours(raw["hours"], f"{place}.hours", problems) if "hours" in raw else default_hours
    )
    return Service(
        code=code,
        letter=letter,
        name=_parse_names(raw.get("name"), f"{place}.name", problems),
        kind=kind,
        daily_quota=quota,
        cutoff=cutoff_time,
        appointment_only=bool(raw.get("appointment_only", False)),
        sensitive=sensitive,
        public_name_override=public_name,
        short_name=short_name,
        pictogram=str(raw.get("pictogram", "")),
        hours=MappingProxyType(hours),
    )


def parse_profile(text: str, source: str = "profile") -> CentreProfile:
    """Read a centre profile from TOML text; raise :class:`ProfileError` listing every problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(source, [f"not valid TOML: {error}"]) from None
    problems = _Problems()
    centre_id = raw.get("id")
    if centre_id not in CENTRE_IDS:
        problems.add("id", f"expected one of {', '.join(CENTRE_IDS)}, found {centre_id!r}")
    line = raw.get("support_line", {})
    numbers = line.get("numbers") if isinstance(line, dict) else None
    if not isinstance(numbers, list) or not numbers or not all(isinstance(n, str) for n in numbers):
        problems.add("support_line.numbers", "expected a list of phone numbers as text")
        numbers = []
    default_hours = _parse_hours(raw.get("hours", {}), "hours", problems)
    services = []
    for i, entry in enumerate(raw.get("services", [])):
        service = _parse_service(entry, f"services[{i}]", default_hours, problems)
        if service:
            services.append(service)
    if not services:
        problems.add("services", "a centre needs at least one service")
    seen_codes: set[str] = set()
    seen_letters: dict[str, str] = {}
    for service in services:
        if service.code in seen_codes:
            problems.add(f"services.{service.code}", "listed twice")
        seen_codes.add(service.code)
        if service.letter == "?":
            continue  # its letter is already reported as malformed
        if service.letter in seen_letters:
            problems.add(
                f"services.{service.code}.letter",
                f"{service.letter!r} is already the letter of {seen_letters[service.letter]}",
            )
        seen_letters[service.letter] = service.code
    for table in ("lawyers", "appointments", "counters", "board"):
        if not isinstance(raw.get(table, {}), dict):
            problems.add(table, f"expected a [{table}] table")
            raw[table] = {}
    for table, name in (
        ("lawyers", "daily_cap"),
        ("appointments", "minutes_before"),
        ("appointments", "minutes_after"),
        ("counters", "max_recalls"),
    ):
        value = raw.get(table, {}).get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.add(f"{table}.{name}", f"expected a whole number, found {value!r}")
    speak = raw.get("board", {}).get("speak_holder_language", False)
    if not isinstance(speak, bool):
        problems.add("board.speak_holder_language", f"expected true or false, found {speak!r}")
    messages = []
    for i, message in enumerate(raw.get("board_messages", [])):
        messages.append(_parse_names(message, f"board_messages[{i}]", problems))
    name = _parse_names(raw.get("name"), "name", problems)
    if problems.items:
        raise ProfileError(source, problems.items)
    hours_text = line.get("hours", {}) if isinstance(line, dict) else {}
    lawyers = raw.get("lawyers", {})
    appointments = raw.get("appointments", {})
    counters = raw.get("counters", {})
    return CentreProfile(
        id=centre_id,
        name=name,
        address=str(raw.get("address", "")),
        support_line=SupportLine(tuple(numbers), MappingProxyType(dict(hours_text))),
        services=tuple(services),
        board_messages=tuple(MappingProxyType(m) for m in messages),
        notes=tuple(raw.get("notes", [])),
        lawyer_daily_cap=int(lawyers.get("daily_cap", 3)),
        appointment_window=(
            int(appointments.get("minutes_before", 15)),
            int(appointments.get("minutes_after", 15)),
        ),
        max_recalls=int(counters.get("max_recalls", 3)),
        speak_holder_language=speak is True,
    )
