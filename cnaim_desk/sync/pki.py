"""Each centre's certificate authority, its desks' certificates, and the TLS 1.3 contexts
of the links between desks.

A centre's authority (an ECDSA P-256 key and a self-signed certificate) lives on the desk
where ``cnaim-desk centre init`` was run. Every desk of the centre holds the authority's
certificate as its only trust anchor, and a certificate of its own naming its identity in
a URI subject alternative name::

    urn:cnaim-desk:centre:<centre>                        the authority
    urn:cnaim-desk:desk:<centre>:<desk>:<role>:<slot>      a desk

Layout of a desk's ``<data dir>/pki/``::

    ca.pem          the centre authority's certificate
    ca-key.pem      its key (owner-only), only on the desk that holds the authority
    desk.pem        this desk's certificate
    desk-key.pem    this desk's TLS key (owner-only)
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cnaim_desk.domain.centres import CENTRE_IDS
from cnaim_desk.domain.events import is_desk_id
from cnaim_desk.domain.numbering import MAX_SLOT
from cnaim_desk.journal.desk import ROLES
from cnaim_desk.journal.signing import KeyFileError, read_private, write_private
from cnaim_desk.sync.errors import PkiError

ORGANISATION = "CNAIM Desk"
CENTRE_URN = "urn:cnaim-desk:centre:"
DESK_URN = "urn:cnaim-desk:desk:"
AUTHORITY_YEARS = 20
#: Certificates start a day before they are made, so a desk whose clock runs somewhat
#: behind the supervisor's still accepts a certificate issued a moment ago.
BACKDATE = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DeskIdentity:
    """Who a desk is, as its certificate says: centre, desk id, role and numbering slot."""

    centre: str
    desk: str
    role: str
    slot: int

    def __post_init__(self) -> None:
        if self.centre not in CENTRE_IDS:
            raise PkiError(f"Unknown centre {self.centre!r}; use {', '.join(CENTRE_IDS)}.")
        if not isinstance(self.desk, str) or not is_desk_id(self.desk):
            raise PkiError(
                f"Desk id {self.desk!r} is not valid: use a short upper-case id such as R1 or C4."
            )
        if self.role not in ROLES:
            raise PkiError(f"Unknown role {self.role!r}; use {', '.join(ROLES)}.")
        if (
            not isinstance(self.slot, int)
            or isinstance(self.slot, bool)
            or not 0 <= self.slot <= MAX_SLOT
        ):
            raise PkiError(f"A numbering slot is 0 to {MAX_SLOT}, not {self.slot!r}.")

    @property
    def uri(self) -> str:
        """The identity as the certificate's subject alternative name carries it."""
        return f"{DESK_URN}{self.centre}:{self.desk}:{self.role}:{self.slot}"

    @classmethod
    def from_uri(cls, uri: str) -> DeskIdentity:
        parts = uri.removeprefix(DESK_URN).split(":")
        if not uri.startswith(DESK_URN) or len(parts) != 4 or not parts[3].isdecimal():
            raise PkiError(f"The certificate names no desk in a form this program knows: {uri}")
        centre, desk, role, slot = parts
        return cls(centre, desk, role, int(slot))


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
        ]
    )


def _common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else name.rfc4514_string()


def _uris(certificate: x509.Certificate) -> list[str]:
    try:
        names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        return []
    return names.value.get_values_for_type(x509.UniformResourceIdentifier)


def _is_authority(certificate: x509.Certificate) -> bool:
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    except x509.ExtensionNotFound:
        return False
    return constraints.value.ca


def _authority_centre(certificate: x509.Certificate) -> str:
    """The centre a CA certificate is for; PkiError if it is not a centre authority."""
    centres = [uri.removeprefix(CENTRE_URN) for uri in _uris(certificate)]
    centres = [uri for uri in centres if uri in CENTRE_IDS]
    if not _is_authority(certificate) or len(centres) != 1:
        raise PkiError(
            f"The certificate of {_common_name(certificate.subject)} is not a CNAIM Desk "
            "centre authority."
        )
    return centres[0]


def _public_der(key: CertificatePublicKeyTypes) -> bytes:
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _private_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _load_certificate(data: bytes, what: str) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError:
        raise PkiError(f"{what} is not a certificate, or is damaged.") from None


def _load_key(data: bytes, what: str) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise PkiError(f"{what} is not a private key, or is damaged.") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise PkiError(f"{what} is not an ECDSA P-256 key.")
    return key


def _replace(path: Path, data: bytes, *, private: bool) -> None:
    """Write ``data`` beside ``path`` then move it in place, so a crash leaves either the
    old file or the new one; a private file is owner-only from its creation."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.unlink(missing_ok=True)
    if private:
        write_private(temporary, data)
    else:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(temporary, path)


class CentreAuthority:
    """A centre's certificate authority: an ECDSA P-256 key and a self-signed certificate
    (CA:TRUE, path length 0), named "CNAIM Desk CA <centre>", valid 20 years."""

    def __init__(self, certificate: x509.Certificate, key: ec.EllipticCurvePrivateKey):
        self.centre = _authority_centre(certificate)
        if _public_der(certificate.public_key()) != _public_der(key.public_key()):
            raise PkiError(f"The key of the {self.centre} centre authority is not its own.")
        self.certificate = certificate
        self._key = key

    @classmethod
    def create(cls, centre: str) -> CentreAuthority:
        if centre not in CENTRE_IDS:
            raise PkiError(f"Unknown centre {centre!r}; use {', '.join(CENTRE_IDS)}.")
        key = ec.generate_private_key(ec.SECP256R1())
        name = _name(f"CNAIM Desk CA {centre}")
        start = datetime.now(UTC) - BACKDATE
        public = key.public_key()
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=365 * AUTHORITY_YEARS + 5))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectAlternativeName(
                    [x509.UniformResourceIdentifier(f"{CENTRE_URN}{centre}")]
                ),
                critical=False,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(key, hashes.SHA256())
        )
        return cls(certificate, key)

    @classmethod
    def load(cls, cert_path: Path, key_path: Path) -> CentreAuthority:
        """The authority saved in these files; PkiError if either is missing or damaged, or
        the key is readable by other users."""
        try:
            certificate_pem = Path(cert_path).read_bytes()
        except OSError as error:
            raise PkiError(
                f"Cannot read the centre authority's certificate {cert_path}: {error.strerror}."
            ) from None
        try:
            key_pem = read_private(Path(key_path))
        except KeyFileError as error:
            raise PkiError(str(error)) from None
        certificate = _load_certificate(certificate_pem, f"The file {cert_path}")
        key = _load_key(key_pem, f"The file {key_path}")
        return cls(certificate, key)

    def save(self, cert_path: Path, key_path: Path) -> None:
        """Write the certificate and the key (owner-only). An authority already saved
        there is never overwritten: every desk of its centre depends on it."""
        cert_path, key_path = Path(cert_path), Path(key_path)
        if key_path.exists():
            raise PkiError(
                f"A centre authority's key is already in {key_path}; it was kept as it is."
            )
        key_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        cert_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private(key_path, _private_pem(self._key))
        _replace(cert_path, self.certificate_pem, private=False)

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def issue(
        self, identity: DeskIdentity, *, days: int = 3650, not_before: datetime | None = None
    ) -> tuple[bytes, bytes]:
        """A new key and certificate for a desk: (certificate PEM, private key PEM).

        The certificate is valid from ``not_before`` (a day ago unless given) for ``days``
        days, and names the desk in its subject and its identity in a URI alternative name.
        """
        if identity.centre != self.centre:
            raise PkiError(
                f"The {self.centre} centre authority cannot certify a desk of {identity.centre}."
            )
        if days < 1:
            raise PkiError("A certificate is valid for one day at least.")
        key = ec.generate_private_key(ec.SECP256R1())
        start = datetime.now(UTC) - BACKDATE if not_before is None else not_before
        # A desk certificate never outlives the authority that vouches for it.
        end = min(start + timedelta(days=days), self.certificate.not_valid_after_utc)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(identity.desk))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
                ),
                critical=False,
            )
            .add_extension(
                x509.SubjectAlternativeName([x509.UniformResourceIdentifier(identity.uri)]),
                critical=False,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self._key.public_key()),
                critical=False,
            )
            .sign(self._key, hashes.SHA256())
        )
        return certificate.public_bytes(serialization.Encoding.PEM), _private_pem(key)


def _check_validity(certificate: x509.Certificate, what: str, now: datetime, remedy: str) -> None:
    if now < certificate.not_valid_before_utc:
        raise PkiError(
            f"{what} is not valid before {certificate.not_valid_before_utc:%Y-%m-%d %H:%M} UTC "
            "(check this computer's clock)."
        )
    if now > certificate.not_valid_after_utc:
        raise PkiError(
            f"{what} expired on {certificate.not_valid_after_utc:%Y-%m-%d %H:%M} UTC; {remedy}."
        )


def _checked_identity(certificate: x509.Certificate, ca_pem: bytes) -> DeskIdentity:
    authority = _load_certificate(ca_pem, "The centre authority's certificate")
    centre = _authority_centre(authority)
    now = datetime.now(UTC)
    _check_validity(
        authority,
        f"The {centre} centre authority's certificate",
        now,
        "the centre must be set up again with `cnaim-desk centre init`",
    )
    subject = _common_name(certificate.subject)
    what = f"The certificate of {subject}"
    if certificate.issuer != authority.subject:
        if certificate.issuer == certificate.subject:
            raise PkiError(f"{what} is self-signed, not issued by the {centre} centre authority.")
        raise PkiError(
            f"{what} was issued by {_common_name(certificate.issuer)}, "
            f"not by the {centre} centre authority."
        )
    try:
        certificate.verify_directly_issued_by(authority)
    except (InvalidSignature, ValueError, TypeError):
        raise PkiError(
            f"{what} is not signed by this {centre} centre authority: it was altered, or "
            "issued by another authority of the same name."
        ) from None
    _check_validity(certificate, what, now, f"enrol {subject} again")
    if _is_authority(certificate):
        raise PkiError(f"{what} is an authority's, not a desk's.")
    uris = [uri for uri in _uris(certificate) if uri.startswith(DESK_URN)]
    if len(uris) != 1:
        raise PkiError(f"{what} does not name exactly one desk.")
    identity = DeskIdentity.from_uri(uris[0])
    if identity.centre != centre:
        raise PkiError(f"{what} is for a desk of {identity.centre}, not of {centre}.")
    if identity.desk != subject:
        raise PkiError(f"{what} names desk {identity.desk} in its identity.")
    return identity


def identity_of(certificate_pem: bytes, ca_pem: bytes) -> DeskIdentity:
    """The identity in a desk certificate, once checked: signed by this centre's authority,
    for a desk of that centre, within its validity; PkiError otherwise (naming why)."""
    return _checked_identity(_load_certificate(certificate_pem, "The desk certificate"), ca_pem)


def identity_from_der(der: bytes, ca_pem: bytes) -> DeskIdentity:
    """The same from a DER certificate, as ssl's ``getpeercert(binary_form=True)`` gives it."""
    try:
        certificate = x509.load_der_x509_certificate(der)
    except ValueError:
        raise PkiError("The other desk's certificate is damaged.") from None
    return _checked_identity(certificate, ca_pem)


@dataclass(frozen=True, slots=True)
class PkiFiles:
    """Where a desk keeps its certificates: ``<data dir>/pki/``."""

    root: Path

    @property
    def folder(self) -> Path:
        return Path(self.root) / "pki"

    @property
    def ca_certificate(self) -> Path:
        return self.folder / "ca.pem"

    @property
    def ca_key(self) -> Path:
        """The authority's key, only on the desk that holds the centre authority."""
        return self.folder / "ca-key.pem"

    @property
    def certificate(self) -> Path:
        return self.folder / "desk.pem"

    @property
    def key(self) -> Path:
        return self.folder / "desk-key.pem"

    def install(self, ca_pem: bytes, certificate_pem: bytes, key_pem: bytes) -> None:
        """Check that the three belong together, then write them (the key owner-only),
        replacing what was there."""
        identity_of(certificate_pem, ca_pem)
        certificate = _load_certificate(certificate_pem, "The desk certificate")
        key = _load_key(key_pem, "The desk's key")
        if _public_der(certificate.public_key()) != _public_der(key.public_key()):
            raise PkiError("The desk's key does not go with its certificate.")
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _replace(self.key, key_pem, private=True)
        _replace(self.certificate, certificate_pem, private=False)
        _replace(self.ca_certificate, ca_pem, private=False)

    def _read(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise PkiError(
                f"This desk has no centre certificate ({path} is missing): enrol it with "
                "`cnaim-desk join`."
            ) from None
        except OSError as error:
            raise PkiError(f"Cannot read {path}: {error.strerror}.") from None

    def identity(self) -> DeskIdentity:
        """This desk's identity, as its certificate says; PkiError when missing or bad."""
        return identity_of(self._read(self.certificate), self._read(self.ca_certificate))

    def has_identity(self) -> bool:
        try:
            self.identity()
        except PkiError:
            return False
        return True


def _context(files: PkiFiles, protocol: int) -> ssl.SSLContext:
    files.identity()  # plain words for a missing, expired or foreign certificate
    try:
        read_private(files.key)  # refuses a key other users could read
    except KeyFileError as error:
        raise PkiError(str(error)) from None
    context = ssl.SSLContext(protocol)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.maximum_version = ssl.TLSVersion.TLSv1_3
    if protocol == ssl.PROTOCOL_TLS_CLIENT:
        # Desks are reached by address; check_peer checks the desk that was announced.
        context.check_hostname = False
    context.verify_mode = ssl.CERT_REQUIRED
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    try:
        context.load_verify_locations(cafile=str(files.ca_certificate))
        context.load_cert_chain(str(files.certificate), str(files.key))
    except (ssl.SSLError, OSError) as error:
        raise PkiError(f"Cannot use this desk's certificate and key: {error}.") from None
    return context


def server_context(files: PkiFiles) -> ssl.SSLContext:
    """TLS 1.3 only, a certificate of this centre required from every client."""
    context = _context(files, ssl.PROTOCOL_TLS_SERVER)
    # No session tickets: every link proves both desks' certificates afresh.
    context.num_tickets = 0
    return context


def client_context(files: PkiFiles) -> ssl.SSLContext:
    """TLS 1.3 only, a certificate of this centre required from the server; no host name
    check (call check_peer once connected)."""
    return _context(files, ssl.PROTOCOL_TLS_CLIENT)


def check_peer(
    ssl_object: ssl.SSLObject | ssl.SSLSocket,
    ca_pem: bytes,
    expected_desk: str | None = None,
    revoked: Collection[str] = (),
) -> DeskIdentity:
    """The identity of the desk at the other end of a link; PkiError when it has no
    certificate of this centre, is not ``expected_desk`` (when given), or is revoked."""
    der = ssl_object.getpeercert(binary_form=True)
    if not der:
        raise PkiError("The other desk presented no certificate.")
    identity = identity_from_der(der, ca_pem)
    if identity.desk in revoked:
        raise PkiError(f"Desk {identity.desk} has been revoked: its links are refused.")
    if expected_desk is not None and identity.desk != expected_desk:
        raise PkiError(
            f"The desk at the other end is {identity.desk}, not {expected_desk} as announced."
        )
    return identity
