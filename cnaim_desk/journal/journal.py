"""The Journal: the one writer of a desk's data directory.

Every change to the queue is an event appended here. Each event's replication update and
the projection rows it changes are committed to SQLite in one transaction (write-ahead log,
``synchronous=FULL``); only then are listeners told what changed, so nothing is shown or
printed that is not on disk. Updates from other desks go through :meth:`Journal.ingest`,
where every event is verified (signature against the desk registry, key never seen with
other content) before it is projected; anything else is quarantined.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import delete, func
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from cnaim_desk.domain.admission import (
    QuotaShare,
    TicketRequest,
    check_admission,
    recovering_refusal,
)
from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.clock import Hlc, HybridClock, now_lisbon, service_day, wall_clock_ms
from cnaim_desk.domain.events import (
    Event,
    EventKey,
    Op,
)
from cnaim_desk.domain.languages import LANGUAGE_TAGS
from cnaim_desk.domain.numbering import NumberingSlot, format_code
from cnaim_desk.domain.policy import QueuePolicy
from cnaim_desk.domain.tickets import Priority, TicketStatus, TransitionRefused
from cnaim_desk.journal import projection_sql, store
from cnaim_desk.journal.appointments import AppointmentBook
from cnaim_desk.journal.check import CheckReport, run_check
from cnaim_desk.journal.desk import DataDir, DeskConfig, DeskSetupError, load_centre_profile
from cnaim_desk.journal.document import (
    ReplicatedDoc,
    centre_doc_name,
    day_doc_name,
    day_of,
    encode_state,
    fresh_client_id,
    state_clocks,
)
from cnaim_desk.journal.lock import DataDirLock
from cnaim_desk.journal.projection import Change, DeskEntry, HistoryKeys, Projector
from cnaim_desk.journal.queries import QueueQueries, QueueReader, TicketView
from cnaim_desk.journal.signing import CentreKey, DeskSigningKey, RegistrySeal
from cnaim_desk.journal.tables import (
    PROJECTION_TABLES,
    CounterRow,
    DayRow,
    DeskRow,
    EventRow,
    QuarantineRow,
    TicketRow,
    UpdateRow,
)

log = logging.getLogger(__name__)

#: Days before today whose documents desks still exchange after they were closed.
SHARED_PAST_DAYS = 2


class RegistryRefused(ValueError):
    """A change of the desk registry that the centre's authority did not seal."""


class TicketNotFound(Exception):
    """No ticket of today matches the given id or code (``ref``)."""

    def __init__(self, message: str, ref: str = ""):
        super().__init__(message)
        self.ref = ref


Listener = Callable[[Change], None]


class _DeskFiles(NamedTuple):
    """What a set-up desk's folder holds, read and checked, in Journal's argument order."""

    data_dir: DataDir
    config: DeskConfig
    profile: CentreProfile
    signer: DeskSigningKey
    centre_key: CentreKey

    @classmethod
    def read(cls, root: Path, resources: Path) -> _DeskFiles:
        data_dir = DataDir(root)
        config = data_dir.load_config()
        return cls(
            data_dir,
            config,
            load_centre_profile(config.centre, resources),
            DeskSigningKey.load(data_dir.signing_key_path),
            CentreKey.load(data_dir.centre_key_path),
        )


class Journal:
    """The desk's single writer. Thread-safe: calls are serialised by an internal lock,
    and listeners run on the calling thread after the commit."""

    def __init__(
        self,
        data_dir: DataDir,
        config: DeskConfig,
        profile: CentreProfile,
        signer: DeskSigningKey,
        centre_key: CentreKey,
        *,
        lock: DataDirLock | None,
        now_ms: Callable[[], int] = wall_clock_ms,
        policy: QueuePolicy | None = None,
        read_only: bool = False,
    ):
        self.data_dir = data_dir
        self.config = config
        self.profile = profile
        self.centre_key = centre_key
        before_appointment = timedelta(minutes=profile.appointment_window[0])
        self.policy = policy or QueuePolicy(appointment_lead=before_appointment)
        self._signer = signer
        self._lock = lock
        self.read_only = read_only
        path = data_dir.database_path
        upgraded = False
        if read_only:
            self.engine = store.open_engine(path, read_only=True)
            store.check_version(self.engine)
            self.read_engine = self.engine
        else:
            self.engine = store.open_engine(path, writer=True)
            upgraded = store.prepare_schema(self.engine)
            self.read_engine = store.open_engine(path)
        self._write_lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._recovering: bool | None = None  # read from the folder when first asked
        self._commits = 0  # commits told to the listeners: what ``held`` counted at
        self._held: dict[str, tuple[int, int]] = {}
        self._shared_days: tuple[int, float, list[str]] | None = None
        self.client_id = fresh_client_id()
        self._boot = secrets.token_hex(4)
        self._seq = 0
        self._docs: dict[str, ReplicatedDoc] = {}
        self._registry: dict[str, DeskEntry] = {}
        self._unsealed_told: set[str] = set()
        #: The desks of the centre this desk can reach now, directly or through others;
        #: set by the sync while it runs (``None``: this desk does not sync).
        self.reachable: Callable[[], Collection[str]] | None = None
        #: Per (day, service): walk-ins known, and issued here, when this desk lost sight
        #: of another reception desk (see :class:`QuotaShare`).
        self._cut_offs: dict[tuple[str, str], tuple[int, int]] = {}
        self.seal = RegistrySeal.from_files(data_dir.ca_certificate_path, data_dir.ca_key_path)
        with Session(self.read_engine) as session:
            # Readings only grow, so the latest days hold the latest ones: looking there
            # keeps opening a desk with years of history as quick as a new one.
            recent = session.exec(select(DayRow.day).order_by(DayRow.day.desc()).limit(2)).all()
            docs = [day_doc_name(config.centre, date.fromisoformat(day)) for day in recent]
            latest = select(func.max(EventRow.hlc)).where(col(EventRow.doc).in_(docs))
            last = session.exec(latest).one()
            own = session.exec(latest.where(EventRow.desk == config.desk)).one()
        # Resume after this desk's own latest reading even if the wall clock was since set
        # back: its new events must follow its old ones, as they do within one run.
        self.clock = HybridClock(now_ms, Hlc.parse(own) if own else None)
        if last:
            self.clock.observe(Hlc.parse(last))
        self._slot = NumberingSlot(config.slot)
        try:
            history = HistoryKeys.load(data_dir.history_keys_path)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise DeskSetupError(
                f"The keys of this desk's history cannot be read: {error}"
            ) from None
        self.projector = Projector(
            config.centre, profile, lambda: self._registry, self.clock, history
        )
        self.reader = QueueReader(self.read_engine, self.policy, self.now)
        self.appointments = AppointmentBook(self)
        self._load_registry()
        if upgraded:  # an older file: its tables come back from its stored updates
            self.rebuild()

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        root: Path,
        *,
        resources: Path,
        purpose: str = "cnaim-desk",
        now_ms: Callable[[], int] = wall_clock_ms,
        close_past_days: bool = True,
    ) -> Journal:
        """Open a set-up desk for writing; raises ``DeskBusy`` if another process has it."""
        parts = _DeskFiles.read(root, resources)
        lock = DataDirLock(parts.data_dir.root, purpose)
        try:
            lost = not parts.data_dir.database_path.exists()
            journal = cls(*parts, lock=lock, now_ms=now_ms)
            if lost and journal.seal is not None:
                # Keys and certificate but no journal: the disk was lost or replaced. What
                # this desk issued today is only on the other desks now; numbering anew
                # before they sent it back would give the same codes twice.
                journal.data_dir.recovering_path.touch()
                journal._recovering = True
            config, signer = parts.config, parts.signer
            can_register = journal.seal is None or journal.seal.can_sign
            if config.desk not in journal.registry() and can_register:
                # The database was lost or replaced while the keys survived: the desk must
                # be able to verify its own events again.
                journal.register_desk(config.desk, config.role, config.slot, signer.public_key)
            if close_past_days:
                journal.close_past_days()
        except BaseException:
            lock.release()
            raise
        return journal

    @classmethod
    def open_read_only(
        cls, root: Path, *, resources: Path, now_ms: Callable[[], int] = wall_clock_ms
    ) -> Journal:
        """Open a desk for reading beside its writer (``ticket list``, ``journal check``)."""
        parts = _DeskFiles.read(root, resources)
        return cls(*parts, lock=None, now_ms=now_ms, read_only=True)

    @classmethod
    def init_standalone(
        cls, root: Path, config: DeskConfig, *, resources: Path, now_ms=wall_clock_ms
    ) -> Journal:
        """Make a standalone desk: its own signing key and centre key, every number range,
        and its entry in the desk registry. Refuses a directory already set up."""

        data_dir = DataDir(root)
        if data_dir.is_initialised():
            raise DeskSetupError(
                f"A desk is already set up in {data_dir.root} "
                f"({data_dir.load_config().desk}). Use another --data-dir."
            )
        profile = load_centre_profile(config.centre, resources)
        lock = DataDirLock(data_dir.root, "cnaim-desk init")
        try:
            # Keys left by an init that never finished signed nothing: make new ones.
            data_dir.signing_key_path.unlink(missing_ok=True)
            data_dir.centre_key_path.unlink(missing_ok=True)
            signer = DeskSigningKey.generate()
            centre_key = CentreKey.generate()
            signer.save(data_dir.signing_key_path)
            centre_key.save(data_dir.centre_key_path)
            journal = cls(data_dir, config, profile, signer, centre_key, lock=lock, now_ms=now_ms)
            journal.register_desk(config.desk, config.role, config.slot, signer.public_key)
            data_dir.save_config(config)  # last: a half-made desk is not "set up"
        except BaseException:
            lock.release()
            raise
        return journal

    def close(self) -> None:
        with self._write_lock:
            self.engine.dispose()
            self.read_engine.dispose()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- time --------------------------------------------------------------------------

    def now(self) -> datetime:
        return now_lisbon(self.clock.now_ms())

    def today(self) -> date:
        return service_day(self.now())

    def today_doc(self) -> str:
        return day_doc_name(self.config.centre, self.today())

    # -- listeners -------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every commit; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, change: Change) -> None:
        self._commits += 1
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                log.exception("a journal listener failed")

    # -- documents -------------------------------------------------------------------

    def _doc(self, name: str) -> ReplicatedDoc:
        doc = self._docs.get(name)
        if doc is None:
            doc = ReplicatedDoc(name, self.client_id, self.stored_updates(name))
            self._docs[name] = doc
        return doc

    def _forget_doc(self, name: str) -> None:
        """Drop the in-memory copy so it is reloaded from disk: after a failed commit,
        memory must not hold what the disk does not."""
        self._docs.pop(name, None)

    def document_names(self) -> list[str]:
        with Session(self.read_engine) as session:
            return list(session.exec(select(UpdateRow.doc).distinct().order_by(UpdateRow.doc)))

    @contextmanager
    def _transaction(self):
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except (sqlite3.Error, DBAPIError) as error:
                raise store.write_failure(error) from error

    # -- the desk registry -----------------------------------------------------------

    def _load_registry(self) -> set[str]:
        """Read the registry from the centre document; return the desks whose entry changed."""
        doc = self._doc(centre_doc_name(self.config.centre))
        before, self._registry = self._registry, {}
        for desk, record in doc.entries_snapshot().items():
            if self.seal is not None and not self.seal.verifies(desk, record):
                if desk not in self._unsealed_told:  # once: it may come again with each sync
                    self._unsealed_told.add(desk)
                    log.warning("ignored the registry entry of %s: not sealed by the centre", desk)
                continue
            entry = DeskEntry.from_record(desk, record)
            if entry is not None:
                self._registry[desk] = entry
        return {
            d
            for d in before.keys() | self._registry.keys()
            if before.get(d) != self._registry.get(d)
        }

    def _reverify(self, desks: set[str]) -> None:
        """After the registry changed for ``desks``, their events quarantined earlier (say,
        received before the desk's entry) may verify now: project again, from the stored
        updates, each day document that holds such an event, as ``rebuild`` would."""
        if not desks:
            return
        with Session(self.read_engine) as session:
            rows = session.exec(select(QuarantineRow.doc, QuarantineRow.key)).all()
        names = sorted({doc for doc, key in rows if key.split(":")[0] in desks and day_of(doc)})
        for name in names:
            day = day_of(name)
            with self._write_lock, self._transaction() as session:
                for table, where in (
                    (EventRow, EventRow.doc == name),
                    (QuarantineRow, QuarantineRow.doc == name),
                    (TicketRow, TicketRow.day == day),
                    (CounterRow, CounterRow.day == day),
                    (DayRow, DayRow.day == day),
                ):
                    session.exec(delete(table).where(where))
                self.projector.replay(session, name, self.stored_updates(name), self.client_id)
                tickets = frozenset(session.exec(select(TicketRow.id).where(TicketRow.day == day)))
                session.commit()
            self._notify(Change(doc=name, origin="registry", tickets=tickets))

    def registry(self) -> dict[str, DeskEntry]:
        return dict(self._registry)

    def revoke_desk(self, desk: str) -> DeskEntry:
        """Revoke ``desk`` from now on: its links are refused and no event it writes
        later is projected on any desk (the revocation travels in the centre document);
        what it wrote before stays."""
        entry = self.registry().get(desk)
        if entry is None:
            raise KeyError(f"Desk {desk} is not in this centre's registry.")
        if entry.revoked:
            raise ValueError(f"Desk {desk} is revoked already.")
        if desk == self.config.desk:
            raise ValueError("A desk cannot revoke itself: revoke it from another desk.")
        self._write_registry(
            desk,
            {
                "role": entry.role,
                "slot": str(entry.slot),
                "public_key": entry.public_key,
                "revoked": "yes",
                "revoked_at": str(self.clock.tick()),
            },
        )
        return self.registry()[desk]

    def revoked_desks(self) -> frozenset[str]:
        return frozenset(name for name, entry in self.registry().items() if entry.revoked)

    def register_desk(self, desk: str, role: str, slot: int, public_key: str) -> None:
        """Add or replace a desk in the centre document's registry."""
        self._write_registry(desk, {"role": role, "slot": str(slot), "public_key": public_key})

    def seal_registry(self, public_key: str) -> None:
        """Once ``centre init`` made the centre's authority here: read it, and seal this
        desk's own entry (signing key ``public_key``) with it; from then on only sealed
        entries count."""
        self.seal = RegistrySeal.from_files(
            self.data_dir.ca_certificate_path, self.data_dir.ca_key_path
        )
        config = self.config
        self.register_desk(config.desk, config.role, config.slot, public_key)

    def _write_registry(self, desk: str, record: dict[str, str]) -> None:
        if self.seal is not None:
            record = self.seal.sign(desk, record)  # ValueError where the CA key is not
        name = centre_doc_name(self.config.centre)
        with self._write_lock, self._transaction() as session:
            doc = self._doc(name)
            update = doc.insert(desk, record)
            try:
                projection_sql.store_update(
                    projection_sql.connection(session), name, update, wall_clock_ms()
                )
                self.projector.project_desk(session, desk, record)
                session.commit()
            except BaseException:
                self._forget_doc(name)
                raise
        changed = self._load_registry()
        self._notify(Change(doc=name, origin="local"))
        self._reverify(changed)

    # -- appending events --------------------------------------------------------------

    def _next_key(self) -> EventKey:
        self._seq += 1
        return EventKey(self.config.desk, self._boot, self._seq)

    def _append(
        self,
        ticket: str | None,
        op: Op,
        data: dict[str, object],
        *,
        day: str | None = None,
        prepare: Callable[[Session], dict[str, object]] | None = None,
        also: Callable[[Session, Event], None] | None = None,
    ) -> tuple[Event, Change]:
        """Sign, store and project one event of this desk, or refuse it whole.

        ``prepare`` computes data that depends on the projection (the next ticket number)
        inside the same transaction, so two issues can never take the same number;
        ``also`` writes this desk's own rows that go with the event (an appointment's
        check-in) in that transaction too."""
        with self._write_lock, self._transaction() as session:
            doc_name = day or self.today_doc()
            if prepare is not None:
                data = {**data, **prepare(session)}
            key = self._next_key()
            after = None
            if ticket and op is not Op.ISSUED:
                stored = projection_sql.events_of_tickets(
                    projection_sql.connection(session), [ticket]
                )[ticket]
                after = Hlc.parse(max(row.hlc for row in stored)) if stored else None
            event = Event(
                key,
                str(key) if op is Op.ISSUED else (ticket or ""),
                op,
                self.clock.tick(after),
                data,
            )
            signature = self._signer.sign(event.signing_payload(doc_name))
            change = self.projector.project(session, doc_name, [(event, signature)], origin="local")
            refused = dict(change.conflicts).get(str(key))
            if refused:
                error = self.projector.refusal(session, doc_name, event)
                session.rollback()
                raise error or TransitionRefused(refused)
            doc = self._doc(doc_name)
            update = doc.insert(str(key), event.to_record(signature))
            try:
                projection_sql.store_update(
                    projection_sql.connection(session), doc_name, update, wall_clock_ms()
                )
                if also is not None:
                    also(session, event)
                session.commit()
            except BaseException:
                self._forget_doc(doc_name)
                raise
        self._notify(change)
        return event, change

    # -- verifying and projecting --------------------------------------------------------

    # -- updates from other desks --------------------------------------------------------

    def ingest(self, doc_name: str, update: bytes, *, origin: str = "remote") -> Change:
        """Apply a replication update from another desk: store it, verify each new event,
        project what verifies, quarantine the rest, all in one transaction."""
        with self._write_lock, self._transaction() as session:
            doc = self._doc(doc_name)
            if day_of(doc_name) is None and self.seal is not None:
                # The registry is vetted before it is touched: an entry the centre's
                # authority did not seal would otherwise replace a sealed one.
                for desk, record in doc.preview(update).items():
                    if not self.seal.verifies(desk, record):
                        raise RegistryRefused(
                            f"An update of the desk registry for {desk} is not sealed by "
                            "the centre's authority: refused."
                        )
            try:
                changed, learnt = doc.apply(update)
                if not learnt:
                    return Change(doc=doc_name, origin=origin)
                projection_sql.store_update(
                    projection_sql.connection(session), doc_name, update, wall_clock_ms()
                )
                if day_of(doc_name) is None:
                    for desk, record in changed.items():
                        self.projector.project_desk(session, desk, record)
                    session.commit()
                    change = Change(doc=doc_name, origin=origin)
                else:
                    change = self.projector.ingest_events(session, doc_name, changed, origin)
                    session.commit()
            except BaseException:
                self._forget_doc(doc_name)
                raise
        registry_changed = self._load_registry() if day_of(doc_name) is None else set()
        self._notify(change)
        self._reverify(registry_changed)
        return change

    def updates_for(self, doc_name: str, state: bytes | None = None) -> bytes:
        """What another desk with replication state ``state`` lacks of a document."""
        with self._write_lock:
            return self._doc(doc_name).update_since(state)

    def diff_for(
        self, doc_name: str, state: bytes | None, *, own_only: bool = False
    ) -> tuple[bytes, bytes]:
        """What a desk that held ``state`` of a document lacks, and its state once it has
        it, taken at one moment. ``own_only``: only what this desk wrote itself (what
        others wrote reaches that desk from them)."""
        with self._write_lock:
            doc = self._doc(doc_name)
            ours = doc.doc.get_state()
            if not own_only or not state:
                return doc.update_since(state), ours
            mine, theirs = state_clocks(ours), state_clocks(state)
            held = mine | {self.client_id: theirs.get(self.client_id, 0)}
            update = doc.update_since(encode_state(held))
            theirs[self.client_id] = mine.get(self.client_id, 0)
            return update, encode_state(theirs)

    def state_of(self, doc_name: str) -> bytes:
        """This desk's replication state of a document (its state vector)."""
        with self._write_lock:
            return self._doc(doc_name).doc.get_state()

    def shared_documents(self) -> list[str]:
        """The documents desks exchange: the centre's, then the days (``shared_days``)."""
        return [centre_doc_name(self.config.centre), *self.shared_days()]

    def shared_days(self) -> list[str]:
        """The day documents desks exchange: today's, every earlier day still open here,
        and the days just before today even when closed, so that what one desk did late
        yesterday reaches a desk that closed the day without it. (Asked by every link
        every few seconds: read again only after a commit, or a second later.)"""
        now = time.monotonic()
        cached = self._shared_days
        if cached is not None and cached[0] == self._commits and now - cached[1] < 1.0:
            return list(cached[2])
        days = self._read_shared_days()
        self._shared_days = (self._commits, now, days)
        return list(days)

    def _read_shared_days(self) -> list[str]:
        today = self.today()
        recent = (today - timedelta(days=SHARED_PAST_DAYS)).isoformat()
        with Session(self.read_engine) as session:
            days = session.exec(
                select(DayRow.day).where(
                    DayRow.day < today.isoformat(),
                    (DayRow.day >= recent) | col(DayRow.closed).is_(None),
                )
            ).all()
        names = [day_doc_name(self.config.centre, date.fromisoformat(day)) for day in days]
        return [*sorted(n for n in names if not self.is_history(n)), self.today_doc()]

    def is_history(self, doc_name: str) -> bool:
        """Whether ``doc_name`` is a day of this desk's own past from before it joined
        the centre: kept here, never exchanged."""
        history = self.projector.history
        return history is not None and history.covers(doc_name)

    def keep_history(self) -> HistoryKeys:
        """Before a standalone desk joins a centre: keep its past as its own history.
        Its registry (unsealed, which the centre's desks would refuse) moves to a
        document of its own and its keys to ``keys/history.json``, so its past days
        still verify; they are not exchanged. Refused once it has worked today."""
        today = self.today()
        if self.held([self.today_doc()])[self.today_doc()]:
            raise DeskSetupError(
                f"Desk {self.config.desk} has worked today: it can join a centre before its "
                "first ticket of a day (say, tomorrow morning), keeping its history, or "
                "join now with a fresh --data-dir."
            )
        history = HistoryKeys(today.isoformat(), self.registry())
        path = self.data_dir.history_keys_path
        temporary = path.with_suffix(".tmp")
        temporary.write_text(history.to_json() + "\n", encoding="utf-8")
        name = centre_doc_name(self.config.centre)
        kept = f"{name}@{self.config.desk}-{today.isoformat()}"
        with self._write_lock, self._transaction() as session:
            for row in session.exec(select(UpdateRow).where(UpdateRow.doc == name)):
                row.doc = kept
            session.exec(delete(DeskRow))
            session.commit()
        os.replace(temporary, path)
        self._docs.clear()
        self._registry = {}
        self.projector.history = history
        return history

    def held(self, docs: Iterable[str]) -> dict[str, int]:
        """How many entries (events, desks) this desk holds of each document; counted
        once per commit (the sync asks often, and must not wait on a commit's fsync)."""
        held = {}
        for name in docs:
            cached = self._held.get(name)
            if cached is None or cached[0] != self._commits:
                with self._write_lock:
                    cached = self._held[name] = (self._commits, len(self._doc(name).entries))
            held[name] = cached[1]
        return held

    # -- the queue operations ------------------------------------------------------------

    def _day_numbers(self, session: Session, service: str) -> list[int]:
        return list(
            session.exec(
                select(TicketRow.number).where(
                    TicketRow.day == self.today().isoformat(), TicketRow.first_service == service
                )
            )
        )

    def lawyer_pseudonym(self, professional_number: str) -> str:
        """A lawyer's professional number as this centre's keyed pseudonym: enough to count
        their cases each day, useless to anyone without the centre key."""
        normalised = "".join(professional_number.split()).upper()
        if not normalised:
            raise ValueError("a lawyer's ticket needs their professional number")
        return self.centre_key.mac(b"lawyer:" + normalised.encode()).hex()[:16]

    def issue(self, service: str, **fields: object) -> TicketView:
        """Issue a ticket for ``service`` (a service code such as ``SS``); ``fields`` are
        those of :class:`TicketRequest` (priority, language, group_size, visit, ...)."""
        return self.issue_request(TicketRequest(service=service, **fields))

    def issue_request(
        self, request: TicketRequest, *, also: Callable[[Session, Event], None] | None = None
    ) -> TicketView:
        """Issue a ticket, or refuse it whole (``AdmissionRefused``: closed, appointment
        only, past the cut-off, quota used up, a lawyer's cap reached)."""
        services = [self.profile.service(code) for code in request.services]  # KeyError
        if len(set(request.services)) != len(request.services):
            raise ValueError("a visit names each service once")
        if request.language not in LANGUAGE_TAGS:
            raise ValueError(
                f"unknown language {request.language!r}; use one of {', '.join(LANGUAGE_TAGS)}"
            )
        if request.group_size < 1 or request.cases < 1:
            raise ValueError("a ticket is for at least one person and one case")
        if request.interpreter not in (None, "staff", "telephone"):
            raise ValueError("an interpreter is 'staff' or 'telephone'")
        appointment = request.appointment_at is not None
        if appointment and request.appointment_at.tzinfo is None:
            raise ValueError("an appointment time needs its time zone (Europe/Lisbon)")
        lawyer = self.lawyer_pseudonym(request.lawyer) if request.lawyer is not None else None
        first = services[0]

        def admit_and_number(session: Session) -> dict[str, object]:
            if self.recovering:
                raise recovering_refusal(first.code)
            now = self.now()
            today = self.today().isoformat()
            queries = QueueQueries(session, self.policy, now)
            for service in services:
                check_admission(
                    service,
                    now,
                    issued_today=queries.walk_ins_today(today, service.code),
                    appointment=appointment,
                    lawyer_cases_today=(
                        queries.lawyer_cases_today(today, lawyer) if lawyer else None
                    ),
                    cases=request.cases,
                    lawyer_cap=self.profile.lawyer_daily_cap,
                    share=None if appointment else self.quota_share(queries, today, service.code),
                )
            number = self._slot.next_number(self._day_numbers(session, first.code))
            return {"number": str(number), "code": format_code(first.letter, number)}

        data: dict[str, object] = {
            "service": first.code,
            "priority": Priority(request.priority).value if request.priority else "",
            "language": request.language,
            "group_size": str(request.group_size),
        }
        optional: dict[str, object] = {
            "visit": list(request.visit),
            "interpreter": request.interpreter or "",
            "children": "yes" if request.children else "",
            "lawyer": lawyer or "",
            "cases": str(request.cases) if lawyer else "",
            "answers": list(request.answers),
            "triage": list(request.outcomes),
            "appointment_at": request.appointment_at.isoformat() if appointment else "",
            "booking": request.booking or "",
        }
        data.update({name: value for name, value in optional.items() if value})
        event, _ = self._append(None, Op.ISSUED, data, prepare=admit_and_number, also=also)
        return self.ticket(str(event.key))

    @property
    def recovering(self) -> bool:
        """Whether this desk lost its journal and has not yet had today's queue back from
        another desk: it issues no ticket until it has (see :meth:`recovered`)."""
        if self._recovering is None:
            self._recovering = self.data_dir.recovering_path.exists()
        return self._recovering

    def recovered(self, reason: str) -> None:
        """Today's queue is back (or staff chose to go on without it): issue again."""
        if self.recovering:
            self.data_dir.recovering_path.unlink(missing_ok=True)
            self._recovering = False
            log.info("this desk issues tickets again: %s", reason)
            self._notify(Change(doc=self.today_doc(), origin="recovered"))

    def _receptions(self) -> list[str]:
        """The centre's reception desks (they issue tickets), revoked ones aside."""
        return sorted(
            desk
            for desk, entry in self._registry.items()
            if entry.role == "reception" and not entry.revoked
        )

    def unreachable_receptions(self) -> tuple[str, ...]:
        """The centre's other reception desks this desk cannot reach now; none when it
        does not sync."""
        if self.reachable is None:
            return ()
        alive = self.reachable()
        me = self.config.desk
        return tuple(desk for desk in self._receptions() if desk != me and desk not in alive)

    def quota_share(self, queries: QueueQueries, day: str, service: str) -> QuotaShare | None:
        """This desk's share of ``service``'s quota while it cannot reach another reception
        desk, or ``None`` when it reaches them all (or the service has no quota). The
        share is fixed at the first ticket after they were lost from sight: what was
        known to be left then, divided among the reception desks."""
        quota = self.profile.service(service).daily_quota
        unreachable = self.unreachable_receptions()
        if not unreachable:
            self._cut_offs.clear()
            return None
        if quota is None:
            return None
        own_now = queries.walk_ins_today(day, service, self.config.desk)
        known, own = self._cut_offs.setdefault(
            (day, service), (queries.walk_ins_today(day, service), own_now)
        )
        desks = len(self._receptions())
        return QuotaShare(quota, desks, known, own, own_now, unreachable)

    def record_info(self, outcomes: Sequence[str], language: str) -> None:
        """An information-only visit: counted for the day, no ticket, nothing personal."""
        if language not in LANGUAGE_TAGS:
            raise ValueError(f"unknown language {language!r}")
        self._append(None, Op.INFO_GIVEN, {"triage": list(outcomes), "language": language})

    def ticket(self, ref: str) -> TicketView:
        """Today's ticket by id or code; raises :class:`TicketNotFound`."""
        view = self.reader.run(lambda q: q.ticket(self.today().isoformat(), ref))
        if view is None:
            raise TicketNotFound(f"There is no ticket {ref} today.", ref)
        return view

    def _ticket_op(self, ref: str, op: Op, data: dict[str, object] | None = None) -> TicketView:
        view = self.ticket(ref)
        self._append(
            view.id,
            op,
            data or {},
            day=day_doc_name(self.config.centre, date.fromisoformat(view.day)),
        )
        return self.ticket(view.id)

    def call_next(
        self,
        desk: str,
        services: Sequence[str] | None = None,
        *,
        lawyers: bool = False,
        technician: str = "",
    ) -> TicketView | None:
        """Call the next person by the queue policy for these services (all when empty),
        from the lawyers' queue when ``lawyers``; ``None`` when nobody is waiting."""
        for code in services or ():
            self.profile.service(code)
        today = self.today().isoformat()
        with self._write_lock:
            queue = self.reader.run(lambda q: q.ordered_queue(today, services, lawyers=lawyers))
            if not queue:
                return None
            return self.call(queue[0].id, desk, technician)

    def call(self, ref: str, desk: str, technician: str = "") -> TicketView:
        data = {"desk": desk}
        if technician:
            data["technician"] = technician
        return self._ticket_op(ref, Op.CALLED, data)

    def recall(self, ref: str, desk: str | None = None) -> TicketView:
        """Call the person again; once the profile's ``max_recalls`` recalls have gone
        unanswered, the next one marks the ticket a no-show instead (reinstated if the
        person comes back)."""
        desk = desk or self.config.desk
        limit = self.profile.max_recalls
        with self._write_lock:
            ticket = self.ticket(ref)
            if limit and ticket.status is TicketStatus.CALLED and ticket.recalls >= limit:
                return self._ticket_op(ticket.id, Op.NO_SHOW, {"desk": desk, "recalls": "limit"})
            return self._ticket_op(ticket.id, Op.RECALLED, {"desk": desk})

    def start(self, ref: str, desk: str | None = None) -> TicketView:
        return self._ticket_op(ref, Op.STARTED, {"desk": desk or self.config.desk})

    def finish(self, ref: str, desk: str | None = None, outcome: str = "") -> TicketView:
        data = {"desk": desk or self.config.desk}
        if outcome:
            data["outcome"] = outcome
        return self._ticket_op(ref, Op.FINISHED, data)

    def no_show(self, ref: str, desk: str | None = None) -> TicketView:
        return self._ticket_op(ref, Op.NO_SHOW, {"desk": desk or self.config.desk})

    def reinstate(self, ref: str) -> TicketView:
        return self._ticket_op(ref, Op.REINSTATED, {})

    def cancel(self, ref: str) -> TicketView:
        return self._ticket_op(ref, Op.CANCELLED, {})

    def refer(self, ref: str, to: str, reason: str = "") -> TicketView:
        self.profile.service(to)  # KeyError with a plain message
        data = {"to": to}
        if reason:
            data["reason"] = reason
        return self._ticket_op(ref, Op.REFERRED, data)

    def record_reprint(self, ref: str) -> TicketView:
        return self._ticket_op(ref, Op.REPRINTED, {})

    def set_counter(
        self,
        desk: str,
        status: str,
        services: Iterable[str] = (),
        technician: str = "",
        *,
        name: str = "",
        floor: str = "",
        side: str = "",
    ) -> None:
        """Record a counter opening, pausing or closing (expected waits count open ones),
        with who signed in and how the board names it and directs people to it."""
        op = {"open": Op.COUNTER_OPENED, "paused": Op.COUNTER_PAUSED, "closed": Op.COUNTER_CLOSED}[
            status
        ]
        data: dict[str, object] = {"desk": desk, "services": list(services)}
        for key, value in (("technician", technician), ("name", name), ("floor", floor)):
            if value:
                data[key] = value
        if side:
            data["side"] = side
        self._append(None, op, data)

    def close_day(self, day: date) -> Change:
        """Close a day: everyone still waiting or at a counter becomes ``closed``."""
        _, change = self._append(None, Op.DAY_CLOSED, {}, day=day_doc_name(self.config.centre, day))
        return change

    def close_past_days(self) -> list[date]:
        """Close every earlier day that still has open tickets (a desk started after
        midnight closes yesterday) and forget earlier days' appointments; returns the days
        closed."""
        today = self.today().isoformat()
        with Session(self.read_engine) as session:
            days = session.exec(
                select(DayRow.day).where(DayRow.day < today, col(DayRow.closed).is_(None))
            ).all()
        closed = []
        for day in days:
            self.close_day(date.fromisoformat(day))
            closed.append(date.fromisoformat(day))
        self.appointments.purge_before(self.today())  # their notes go with their day
        return closed

    # -- rebuilding and checking -------------------------------------------------------

    def rebuild(self) -> int:
        """Drop every projection and recreate it from the stored updates; returns the
        number of events projected."""
        with self._write_lock, self._transaction() as session:
            for table in PROJECTION_TABLES:
                session.exec(delete(table))
            self._docs.clear()
            self._load_registry()
            for desk, entry in self._registry.items():
                self.projector.project_desk(
                    session,
                    desk,
                    {"role": entry.role, "slot": str(entry.slot), "public_key": entry.public_key},
                )
            names = [n for n in self.document_names() if day_of(n) is not None]
            for name in names:
                self.projector.replay(session, name, self.stored_updates(name), self.client_id)
            session.commit()
            count = session.exec(select(func.count()).select_from(EventRow)).one()
        self._docs.clear()
        return count

    def stored_updates(self, name: str) -> list[bytes]:
        with Session(self.read_engine) as session:
            query = select(UpdateRow.data).where(UpdateRow.doc == name).order_by(UpdateRow.id)
            return list(session.exec(query))

    def check(self, progress: Callable[[str], None] | None = None) -> CheckReport:
        """Compare the projection with a fresh projection of the stored updates."""
        return run_check(self, progress)
