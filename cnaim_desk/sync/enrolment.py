"""Setting up a centre and bringing desks into it.

``centre init`` makes the centre's certificate authority on the supervisor's desk, with
the centre key and that desk's own identity. ``enroll`` then makes, for each new desk, an
*enrolment file*: its certificate and keys, the centre's CA certificate and key for
tickets, and the centre document with the desk registry that already lists it. The file
is sealed with a one-time code (AES-256-GCM under a key derived from the code by scrypt),
printed once on the supervisor's screen and typed on the new machine by ``join``: a file
copied by mistake is useless without it.

The enrolling desk writes the new desk into the registry of its own centre document, so
every desk learns of it through sync, and the new desk starts with that same document.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from cnaim_desk.domain.numbering import MAX_SLOT
from cnaim_desk.journal.desk import DataDir, DeskConfig, DeskSetupError
from cnaim_desk.journal.document import centre_doc_name
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.signing import CentreKey, DeskSigningKey, write_private
from cnaim_desk.sync.errors import EnrolmentError
from cnaim_desk.sync.pki import CentreAuthority, DeskIdentity, PkiError, PkiFiles

FORMAT = "cnaim-desk-enrolment/1"
#: Letters and digits that cannot be mistaken for one another when read aloud or typed.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_GROUPS, CODE_GROUP = 3, 4  # "K7QF-2M9X-HRT4": 60 bits
#: scrypt's cost: about a tenth of a second here, so guessing codes is slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
#: Roles that issue tickets, so own a numbering slot.
ISSUING_ROLES = ("reception",)


def new_code() -> str:
    """A one-time code such as ``K7QF-2M9X-HRT4``."""
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP))
    return "-".join(letters[i : i + CODE_GROUP] for i in range(0, len(letters), CODE_GROUP))


def _normalised(code: str) -> bytes:
    """The code as typed, whatever its case, spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum()).encode("ascii", "ignore")


def _key(code: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        _normalised(code)
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Enrolment:
    """Everything a new desk needs to join its centre."""

    identity: DeskIdentity
    ca_certificate: bytes  # PEM
    certificate: bytes  # PEM
    tls_key: bytes  # PEM
    signing_key: bytes  # the desk's Ed25519 key, raw
    centre_key: bytes  # the centre's secret for ticket references
    centre_document: bytes  # the centre document's update, registry included

    def seal(self, code: str) -> bytes:
        """The enrolment file's bytes, readable only with ``code``."""
        payload = json.dumps(
            {
                "identity": {
                    "centre": self.identity.centre,
                    "desk": self.identity.desk,
                    "role": self.identity.role,
                    "slot": self.identity.slot,
                },
                "ca_certificate": self.ca_certificate.decode("ascii"),
                "certificate": self.certificate.decode("ascii"),
                "tls_key": self.tls_key.decode("ascii"),
                "signing_key": _b64(self.signing_key),
                "centre_key": _b64(self.centre_key),
                "centre_document": _b64(self.centre_document),
            }
        ).encode("utf-8")
        salt, nonce = os.urandom(16), os.urandom(12)
        # What the file is for stays readable (and is authenticated): nothing secret.
        label = f"{self.identity.centre}/{self.identity.desk}"
        sealed = AESGCM(_key(code, salt)).encrypt(nonce, payload, label.encode("ascii"))
        return (
            json.dumps(
                {
                    "format": FORMAT,
                    "for": label,
                    "salt": _b64(salt),
                    "nonce": _b64(nonce),
                    "sealed": _b64(sealed),
                },
                indent=1,
            )
            + "\n"
        ).encode("ascii")

    @classmethod
    def open(cls, data: bytes, code: str) -> Enrolment:
        """The enrolment in a file's bytes; EnrolmentError if it is not one, or the code
        does not open it (a wrong code and a damaged file look the same, on purpose)."""
        try:
            outer = json.loads(data.decode("utf-8"))
            if not isinstance(outer, dict) or outer.get("format") != FORMAT:
                raise ValueError("not an enrolment")
            salt, nonce = _unb64(outer["salt"]), _unb64(outer["nonce"])
            sealed, label = _unb64(outer["sealed"]), str(outer["for"])
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            raise EnrolmentError("This file is not a CNAIM Desk enrolment file.") from None
        try:
            payload = AESGCM(_key(code, salt)).decrypt(nonce, sealed, label.encode("ascii"))
        except (InvalidTag, ValueError):
            raise EnrolmentError(
                "The code does not open this enrolment file: check the code as printed "
                "when the file was made, or make a new file."
            ) from None
        inner = json.loads(payload)
        identity = DeskIdentity(**inner["identity"])
        return cls(
            identity=identity,
            ca_certificate=inner["ca_certificate"].encode("ascii"),
            certificate=inner["certificate"].encode("ascii"),
            tls_key=inner["tls_key"].encode("ascii"),
            signing_key=_unb64(inner["signing_key"]),
            centre_key=_unb64(inner["centre_key"]),
            centre_document=_unb64(inner["centre_document"]),
        )


# -- on the supervisor's desk ---------------------------------------------------------------


def init_centre(root: Path, config: DeskConfig, *, resources: Path) -> Journal:
    """Set up the first desk of a centre: the desk itself (signing key, centre key,
    registry, as ``init`` does), the centre's certificate authority, and the desk's
    certificate. Refuses a folder already set up."""
    journal = Journal.init_standalone(root, config, resources=resources)
    try:
        files = PkiFiles(journal.data_dir.root)
        authority = CentreAuthority.create(config.centre)
        authority.save(files.ca_certificate, files.ca_key)
        identity = DeskIdentity(config.centre, config.desk, config.role, config.slot)
        certificate, key = authority.issue(identity)
        files.install(authority.certificate_pem, certificate, key)
        # From now on only entries sealed by the authority count: seal this desk's own.
        journal.seal_registry(DeskSigningKey.load(journal.data_dir.signing_key_path).public_key)
    except BaseException:
        journal.close()
        raise
    return journal


def free_slot(journal: Journal) -> int:
    """The lowest numbering slot no issuing desk of the registry holds."""
    taken = {entry.slot for entry in journal.registry().values() if entry.role in ISSUING_ROLES}
    for slot in range(1, MAX_SLOT + 1):
        if slot not in taken:
            return slot
    raise EnrolmentError(
        f"Every numbering slot (1 to {MAX_SLOT}) is held by a reception desk already."
    )


def enroll(journal: Journal, desk: str, role: str, slot: int | None = None) -> Enrolment:
    """Bring desk ``desk`` into the centre: its keys and certificate, and its entry in
    the registry of this desk's centre document (which reaches every desk by sync).
    Reception desks get a numbering slot of their own (the lowest free one unless
    ``slot`` is given); other roles issue no tickets and get none."""
    files = PkiFiles(journal.data_dir.root)
    if not files.ca_key.exists():
        raise EnrolmentError(
            "This desk does not hold the centre's certificate authority: enrol new desks "
            "on the desk where `cnaim-desk centre init` was run."
        )
    try:
        authority = CentreAuthority.load(files.ca_certificate, files.ca_key)
    except PkiError as error:
        raise EnrolmentError(str(error)) from None
    registry = journal.registry()
    if desk in registry:
        raise EnrolmentError(
            f"Desk {desk} is enrolled already ({registry[desk].role}); choose another id."
        )
    if role in ISSUING_ROLES:
        slot = free_slot(journal) if slot is None else slot
        holders = [
            name
            for name, entry in registry.items()
            if entry.role in ISSUING_ROLES and entry.slot == slot
        ]
        if holders:
            raise EnrolmentError(f"Numbering slot {slot} is held by {holders[0]} already.")
    else:
        slot = 0 if slot is None else slot
    config = DeskConfig(journal.config.centre, desk, role, slot)  # checks the values
    identity = DeskIdentity(config.centre, config.desk, config.role, config.slot)
    certificate, tls_key = authority.issue(identity)
    signer = DeskSigningKey.generate()
    journal.register_desk(desk, role, slot, signer.public_key)
    centre_key = CentreKey.load(journal.data_dir.centre_key_path)
    return Enrolment(
        identity=identity,
        ca_certificate=authority.certificate_pem,
        certificate=certificate,
        tls_key=tls_key,
        signing_key=signer.raw_private(),
        centre_key=centre_key.secret,
        centre_document=journal.updates_for(centre_doc_name(config.centre)),
    )


def write_enrolment(path: Path, data: bytes) -> None:
    """Write an enrolment file readable by its owner only (it holds keys)."""
    if path.exists():
        raise EnrolmentError(f"{path} exists already: choose another file name.")
    write_private(path, data)


# -- on the new desk ---------------------------------------------------------------------


def _keep_standalone_history(data_dir: DataDir, identity: DeskIdentity, resources: Path) -> None:
    """A standalone desk's folder about to join ``identity``'s centre: its past is kept;
    a desk of a centre already, one of another centre, or one that worked today, is
    refused with what to do."""
    old = data_dir.load_config()
    where = f"{data_dir.root} ({old.desk})"
    if data_dir.ca_certificate_path.exists():
        raise EnrolmentError(
            f"{where} is a desk of centre {old.centre} already. Join with a fresh --data-dir."
        )
    if old.centre != identity.centre:
        raise EnrolmentError(
            f"The desk in {where} worked for centre {old.centre}; this enrolment is for "
            f"{identity.centre}. Join with a fresh --data-dir."
        )
    try:
        with Journal.open(data_dir.root, resources=resources, purpose="cnaim-desk join") as past:
            past.keep_history()
    except DeskSetupError as error:
        raise EnrolmentError(str(error)) from None


def join(root: Path, enrolment: Enrolment, *, resources: Path) -> Journal:
    """Install ``enrolment`` in ``root`` and open the desk: a fresh data folder, or a
    standalone desk's, whose past is kept as its history (``Journal.keep_history``)."""
    data_dir = DataDir(root)
    identity = enrolment.identity
    if data_dir.is_initialised():
        _keep_standalone_history(data_dir, identity, resources)
    config = DeskConfig(identity.centre, identity.desk, identity.role, identity.slot)
    for path in (data_dir.signing_key_path, data_dir.centre_key_path):
        path.unlink(missing_ok=True)  # left by a join that never finished
    DeskSigningKey.from_raw(enrolment.signing_key).save(data_dir.signing_key_path)
    CentreKey(enrolment.centre_key).save(data_dir.centre_key_path)
    files = PkiFiles(data_dir.root)
    files.install(enrolment.ca_certificate, enrolment.certificate, enrolment.tls_key)
    if files.identity() != identity:
        raise EnrolmentError("The enrolment file's certificate is not for the desk it names.")
    data_dir.save_config(config)
    try:
        journal = Journal.open(data_dir.root, resources=resources, purpose="cnaim-desk join")
    except DeskSetupError:
        data_dir.config_path.unlink(missing_ok=True)
        raise
    journal.ingest(centre_doc_name(config.centre), enrolment.centre_document, origin="enrolment")
    journal.recovered("a new desk has lost nothing")
    return journal
