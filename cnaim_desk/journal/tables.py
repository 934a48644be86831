"""SQLite tables (SQLModel). ``update`` holds the replicated documents' raw updates, the
source of truth; every other table is a projection that ``journal rebuild`` recreates."""

from __future__ import annotations

from sqlalchemy import Column, Index, LargeBinary
from sqlmodel import Field, SQLModel

#: Version 2 added the triage's fields to tickets, and appointments; version 3 the
#: technician who called a ticket, and a counter's name and place. A file of an older
#: version has its projections dropped and rebuilt from the stored updates on open.
SCHEMA_VERSION = 3


class UpdateRow(SQLModel, table=True):
    """One update of a replicated document, in the order this desk received it."""

    __tablename__ = "doc_update"
    id: int | None = Field(default=None, primary_key=True)
    doc: str = Field(index=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    received_ms: int


class EventRow(SQLModel, table=True):
    """An event that verified: the first content seen under its key.

    ``effect`` is ``applied``, ``conflict`` (refused by the state machine where it falls
    in the total order; ``reason`` says why) or ``pending`` (its ticket's ``issued`` event
    has not arrived yet)."""

    __tablename__ = "event"
    #: A ticket's fold reads its day's closing with its own events: found by (doc, op).
    __table_args__ = (Index("ix_event_doc_op", "doc", "op"),)
    key: str = Field(primary_key=True)
    doc: str = Field(index=True)
    ticket: str = Field(index=True)
    op: str
    hlc: str
    desk: str
    boot: str
    seq: int
    data: str
    sig: str
    effect: str = "applied"
    reason: str | None = None


class QuarantineRow(SQLModel, table=True):
    """Something received that is not a valid event: kept for the report, never projected."""

    __tablename__ = "quarantine"
    id: int | None = Field(default=None, primary_key=True)
    doc: str
    key: str
    reason: str
    record: str
    received_ms: int


class TicketRow(SQLModel, table=True):
    """The projected state of one ticket (times are epoch milliseconds)."""

    __tablename__ = "ticket"
    __table_args__ = (
        Index("ix_ticket_queue", "day", "service", "status"),
        Index("ix_ticket_code", "day", "code"),
        Index("ix_ticket_served", "service", "finished_ms"),
    )
    id: str = Field(primary_key=True)
    centre: str
    day: str
    first_service: str
    service: str
    number: int
    code: str
    status: str
    priority: str | None = None
    language: str = "pt"
    group_size: int = 1
    arrival: str
    issued_by: str
    issued_ms: int
    appointment_at: str | None = None
    called_by: str | None = None
    technician: str | None = None
    called_ms: int | None = None
    started_ms: int | None = None
    finished_ms: int | None = None
    recalls: int = 0
    reprints: int = 0
    referred_from: str | None = None
    referral_reason: str | None = None
    outcome: str | None = None
    closed_from: str | None = None
    planned: str = ""  # every service issued for, as ",AIMA,SS," (searchable with LIKE)
    visit: str = ""  # the services still to visit, in the same form
    visited: str = ""
    interpreter: str | None = None
    children: bool = False
    lawyer: str | None = Field(default=None, index=True)
    cases: int = 1
    answers: str = "[]"
    triage: str = "[]"
    booking: str | None = None
    conflicts: int = 0
    updated: str


class CounterRow(SQLModel, table=True):
    """A counter desk's state on a day: open, paused or closed, and what it serves."""

    __tablename__ = "counter"
    day: str = Field(primary_key=True)
    desk: str = Field(primary_key=True)
    status: str
    services: str = ""
    technician: str = ""
    name: str = ""  # as the board shows it ("4", "Balcão 4"); empty: the desk id
    floor: str = ""  # where it is, as the board directs people: "Piso 1"
    side: str = ""  # "esquerda", "ao fundo"...
    updated: str


class DayRow(SQLModel, table=True):
    """Per-day facts that belong to no ticket."""

    __tablename__ = "day"
    day: str = Field(primary_key=True)
    centre: str
    closed: str | None = None
    info_given: int = 0


class DeskRow(SQLModel, table=True):
    """The desk registry, projected from the centre document."""

    __tablename__ = "desk"
    desk: str = Field(primary_key=True)
    role: str
    slot: int
    public_key: str
    revoked: bool = False


class AppointmentRow(SQLModel, table=True):
    """An appointment of the day, imported on this desk from the Migrants Support Line's
    list. Not replicated: its note stays on this desk and goes with the day."""

    __tablename__ = "appointment"
    day: str = Field(primary_key=True)
    reference: str = Field(primary_key=True)
    time: str
    service: str
    language: str
    note: str = ""
    ticket: str | None = None
    imported_ms: int


PROJECTION_TABLES = (EventRow, QuarantineRow, TicketRow, CounterRow, DayRow, DeskRow)
