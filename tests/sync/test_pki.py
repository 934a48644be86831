"""Centre authorities, desk certificates and TLS 1.3 links, over real loopback sockets."""

from __future__ import annotations

import socket
import ssl
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cnaim_desk.sync.pki import (
    CentreAuthority,
    DeskIdentity,
    PkiError,
    PkiFiles,
    check_peer,
    client_context,
    identity_from_der,
    identity_of,
    server_context,
)

TIMEOUT = 5.0
RECEPTION = DeskIdentity("lisboa", "R2", "reception", 1)
COUNTER = DeskIdentity("lisboa", "C4", "counter", 0)


@pytest.fixture
def authority() -> CentreAuthority:
    return CentreAuthority.create("lisboa")


@pytest.fixture
def other_authority() -> CentreAuthority:
    return CentreAuthority.create("norte")


def enrolled(root: Path, authority: CentreAuthority, identity: DeskIdentity) -> PkiFiles:
    files = PkiFiles(root)
    files.install(authority.certificate_pem, *authority.issue(identity))
    return files


@pytest.fixture
def reception(tmp_path, authority) -> PkiFiles:
    return enrolled(tmp_path / "R2", authority, RECEPTION)


@pytest.fixture
def counter(tmp_path, authority) -> PkiFiles:
    return enrolled(tmp_path / "C4", authority, COUNTER)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def der(pem: bytes) -> bytes:
    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


def self_signed(identity: DeskIdentity) -> bytes:
    """A certificate that names a desk of the centre but that no authority issued."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, identity.desk)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.UniformResourceIdentifier(identity.uri)]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


# -- certificates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "identity",
    [RECEPTION, COUNTER, DeskIdentity("lisboa", "B1", "board", 0)],
    ids=lambda identity: identity.desk,
)
def test_a_desk_certificate_round_trips_its_identity(authority, identity):
    certificate_pem, key_pem = authority.issue(identity)
    assert identity_of(certificate_pem, authority.certificate_pem) == identity
    assert identity_from_der(der(certificate_pem), authority.certificate_pem) == identity
    assert b"PRIVATE KEY" in key_pem


def test_the_authority_certificate_says_what_it_is(authority):
    certificate = authority.certificate
    assert authority.centre == "lisboa"
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "CNAIM Desk CA lisboa"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "CNAIM Desk"
    assert certificate.issuer == subject
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert constraints.ca
    assert constraints.path_length == 0
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign
    assert usage.crl_sign
    assert not usage.digital_signature
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.UniformResourceIdentifier) == [
        "urn:cnaim-desk:centre:lisboa"
    ]
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert timedelta(days=20 * 365) <= lifetime <= timedelta(days=20 * 366)
    assert isinstance(certificate.public_key(), ec.EllipticCurvePublicKey)
    assert certificate.public_key().curve.name == "secp256r1"


def test_a_desk_certificate_says_what_it_is(authority):
    certificate_pem, _ = authority.issue(COUNTER, days=30)
    certificate = x509.load_pem_x509_certificate(certificate_pem)
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "C4"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "CNAIM Desk"
    assert certificate.issuer == authority.certificate.subject
    assert not certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert not usage.key_cert_sign
    purposes = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert set(purposes) == {ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH}
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.UniformResourceIdentifier) == [
        "urn:cnaim-desk:desk:lisboa:C4:counter:0"
    ]
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert lifetime == timedelta(days=30)
    assert certificate.public_key().curve.name == "secp256r1"
    second = x509.load_pem_x509_certificate(authority.issue(COUNTER)[0])
    assert second.serial_number != certificate.serial_number


def test_a_desk_certificate_never_outlives_its_authority(authority):
    certificate_pem, _ = authority.issue(COUNTER, days=365 * 30)
    certificate = x509.load_pem_x509_certificate(certificate_pem)
    assert certificate.not_valid_after_utc == authority.certificate.not_valid_after_utc


def test_identity_of_refuses_another_centres_certificate(authority, other_authority):
    foreign, _ = other_authority.issue(DeskIdentity("norte", "R2", "reception", 1))
    with pytest.raises(PkiError, match="issued by CNAIM Desk CA norte, not by the lisboa"):
        identity_of(foreign, authority.certificate_pem)


def test_identity_of_refuses_another_authority_of_the_same_name(authority):
    impostor = CentreAuthority.create("lisboa")
    certificate_pem, _ = impostor.issue(RECEPTION)
    with pytest.raises(PkiError, match="not signed by this lisboa centre authority"):
        identity_of(certificate_pem, authority.certificate_pem)


def test_identity_of_refuses_a_self_signed_certificate(authority):
    with pytest.raises(PkiError, match="self-signed"):
        identity_of(self_signed(RECEPTION), authority.certificate_pem)


def test_identity_of_refuses_an_expired_certificate(authority):
    long_ago = datetime.now(UTC) - timedelta(days=40)
    certificate_pem, _ = authority.issue(RECEPTION, not_before=long_ago, days=30)
    with pytest.raises(PkiError, match="expired on"):
        identity_of(certificate_pem, authority.certificate_pem)


def test_identity_of_refuses_a_certificate_not_yet_valid(authority):
    later = datetime.now(UTC) + timedelta(days=10)
    certificate_pem, _ = authority.issue(RECEPTION, not_before=later)
    with pytest.raises(PkiError, match="not valid before"):
        identity_of(certificate_pem, authority.certificate_pem)


def test_identity_of_refuses_a_tampered_certificate(authority):
    certificate_pem, _ = authority.issue(RECEPTION)
    original = der(certificate_pem)
    tampered = original.replace(b"lisboa:R2:reception:1", b"lisboa:R9:reception:1")
    assert tampered != original
    with pytest.raises(PkiError, match="not signed by this lisboa centre authority"):
        identity_from_der(tampered, authority.certificate_pem)


def test_identity_of_refuses_the_authority_certificate_itself(authority):
    with pytest.raises(PkiError, match="an authority's, not a desk's"):
        identity_of(authority.certificate_pem, authority.certificate_pem)


def test_identity_of_refuses_garbage(authority, reception):
    with pytest.raises(PkiError, match="not a certificate"):
        identity_of(b"not a certificate", authority.certificate_pem)
    with pytest.raises(PkiError, match="damaged"):
        identity_from_der(b"\x30\x03\x02\x01\x00", authority.certificate_pem)
    desk_pem = reception.certificate.read_bytes()
    with pytest.raises(PkiError, match="not a CNAIM Desk centre authority"):
        identity_of(desk_pem, desk_pem)


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        (("madrid", "R1", "reception", 1), "Unknown centre"),
        (("lisboa", "r1", "reception", 1), "Desk id 'r1' is not valid"),
        (("lisboa", "R1:X", "reception", 1), "is not valid"),
        (("lisboa", "R1", "cook", 1), "Unknown role"),
        (("lisboa", "R1", "reception", 10), "A numbering slot is 0 to 9"),
        (("lisboa", "R1", "reception", -1), "A numbering slot is 0 to 9"),
        (("lisboa", "R1", "reception", True), "A numbering slot is 0 to 9"),
    ],
)
def test_a_desk_identity_checks_its_fields(fields, complaint):
    with pytest.raises(PkiError, match=complaint):
        DeskIdentity(*fields)


def test_an_authority_certifies_only_its_own_centres_desks(authority):
    with pytest.raises(PkiError, match="cannot certify a desk of norte"):
        authority.issue(DeskIdentity("norte", "R1", "reception", 1))
    with pytest.raises(PkiError, match="Unknown centre"):
        CentreAuthority.create("madrid")


# -- files ----------------------------------------------------------------------------------


def test_an_authority_saves_its_key_for_its_owner_only_and_loads_back(tmp_path, authority):
    files = PkiFiles(tmp_path)
    authority.save(files.ca_certificate, files.ca_key)
    assert mode(files.ca_key) == 0o600
    assert mode(files.folder) == 0o700
    loaded = CentreAuthority.load(files.ca_certificate, files.ca_key)
    assert loaded.centre == "lisboa"
    assert loaded.certificate == authority.certificate
    certificate_pem, _ = loaded.issue(COUNTER)
    assert identity_of(certificate_pem, authority.certificate_pem) == COUNTER


def test_an_authority_is_never_overwritten(tmp_path, authority):
    files = PkiFiles(tmp_path)
    authority.save(files.ca_certificate, files.ca_key)
    kept = files.ca_key.read_bytes()
    with pytest.raises(PkiError, match="already"):
        CentreAuthority.create("lisboa").save(files.ca_certificate, files.ca_key)
    assert files.ca_key.read_bytes() == kept
    assert files.ca_certificate.read_bytes() == authority.certificate_pem


def test_loading_a_damaged_authority_says_so(tmp_path, authority, other_authority):
    files = PkiFiles(tmp_path)
    with pytest.raises(PkiError, match="Cannot read the centre authority's certificate"):
        CentreAuthority.load(files.ca_certificate, files.ca_key)
    authority.save(files.ca_certificate, files.ca_key)
    key = files.ca_key.read_bytes()

    files.ca_certificate.write_bytes(b"garbage")
    with pytest.raises(PkiError, match="is not a certificate"):
        CentreAuthority.load(files.ca_certificate, files.ca_key)

    files.ca_certificate.write_bytes(other_authority.certificate_pem)
    with pytest.raises(PkiError, match="is not its own"):
        CentreAuthority.load(files.ca_certificate, files.ca_key)

    files.ca_certificate.write_bytes(authority.certificate_pem)
    files.ca_key.write_bytes(b"-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n")
    with pytest.raises(PkiError, match="is not a private key"):
        CentreAuthority.load(files.ca_certificate, files.ca_key)

    files.ca_key.write_bytes(key)
    files.ca_key.chmod(0o644)
    with pytest.raises(PkiError, match="readable by other users"):
        CentreAuthority.load(files.ca_certificate, files.ca_key)


def test_install_writes_the_key_for_its_owner_only(reception, authority):
    assert mode(reception.key) == 0o600
    assert mode(reception.folder) == 0o700
    for path in (reception.certificate, reception.ca_certificate):
        assert mode(path) & 0o400
        assert b"BEGIN CERTIFICATE" in path.read_bytes()
    assert reception.ca_certificate.read_bytes() == authority.certificate_pem
    assert reception.identity() == RECEPTION
    assert reception.has_identity()
    assert not reception.ca_key.exists()
    assert sorted(path.name for path in reception.folder.iterdir()) == [
        "ca.pem",
        "desk-key.pem",
        "desk.pem",
    ]


def test_install_replaces_an_earlier_certificate(reception, authority):
    renewed = DeskIdentity("lisboa", "R2", "reception", 3)
    reception.install(authority.certificate_pem, *authority.issue(renewed))
    assert reception.identity() == renewed
    assert mode(reception.key) == 0o600
    assert not list(reception.folder.glob(".*"))


def test_install_refuses_what_does_not_belong_together(tmp_path, authority, other_authority):
    files = PkiFiles(tmp_path)
    certificate_pem, _ = authority.issue(RECEPTION)
    _, stray_key = authority.issue(RECEPTION)
    with pytest.raises(PkiError, match="does not go with its certificate"):
        files.install(authority.certificate_pem, certificate_pem, stray_key)
    foreign, foreign_key = other_authority.issue(DeskIdentity("norte", "R2", "reception", 1))
    with pytest.raises(PkiError, match="not by the lisboa centre authority"):
        files.install(authority.certificate_pem, foreign, foreign_key)
    assert not files.folder.exists()


def test_a_desk_without_certificates_has_no_identity(tmp_path, reception):
    files = PkiFiles(tmp_path / "fresh")
    assert not files.has_identity()
    with pytest.raises(PkiError, match="enrol it"):
        files.identity()
    with pytest.raises(PkiError, match="enrol it"):
        server_context(files)
    reception.certificate.write_bytes(b"garbage")
    assert not reception.has_identity()
    with pytest.raises(PkiError, match="not a certificate"):
        reception.identity()


def test_contexts_refuse_a_key_readable_by_others(reception):
    reception.key.chmod(0o640)
    with pytest.raises(PkiError, match="readable by other users"):
        server_context(reception)
    with pytest.raises(PkiError, match="readable by other users"):
        client_context(reception)


@pytest.mark.parametrize("make", [server_context, client_context])
def test_contexts_are_tls_1_3_with_certificates_both_ways(reception, make):
    context = make(reception)
    assert context.minimum_version == ssl.TLSVersion.TLSv1_3
    assert context.maximum_version == ssl.TLSVersion.TLSv1_3
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert not context.check_hostname
    # The centre's authority is the only trust anchor: no system certificates.
    assert context.cert_store_stats()["x509_ca"] == 1
    assert [ca["subject"] for ca in context.get_ca_certs()] == [
        ((("commonName", "CNAIM Desk CA lisboa"),), (("organizationName", "CNAIM Desk"),))
    ]


# -- links ----------------------------------------------------------------------------------


@dataclass
class Link:
    server: ssl.SSLSocket | None = None
    client: ssl.SSLSocket | None = None
    server_error: Exception | None = None
    client_error: Exception | None = None


@contextmanager
def tls_link(server: ssl.SSLContext, client: ssl.SSLContext) -> Iterator[Link]:
    """Both ends of one TLS connection over loopback, each handshake in its own thread of
    control; whichever end refuses leaves its error instead of its socket."""
    link = Link()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(TIMEOUT)

    def serve() -> None:
        try:
            connection, _ = listener.accept()
        except OSError as error:
            link.server_error = error
            return
        connection.settimeout(TIMEOUT)
        try:
            link.server = server.wrap_socket(connection, server_side=True)
        except OSError as error:  # wrap_socket closes the connection when it fails
            link.server_error = error

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        raw = socket.create_connection(listener.getsockname(), timeout=TIMEOUT)
        try:
            link.client = client.wrap_socket(raw)
        except OSError as error:
            link.client_error = error
            raw.close()
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "the server's handshake did not end"
        yield link
    finally:
        for end in (link.client, link.server):
            if end is not None:
                end.close()
        listener.close()
        thread.join(TIMEOUT)


def reason(error: Exception | None) -> str:
    assert isinstance(error, ssl.SSLError), repr(error)
    return str(error.reason)


def first_read_fails(end: ssl.SSLSocket) -> None:
    """In TLS 1.3 the client's handshake ends before the server has checked the client's
    certificate: a refusal reaches the client only as the server's alert, on its next read."""
    with pytest.raises((ssl.SSLError, ConnectionError)):
        end.recv(1)


def exchange(link: Link) -> None:
    assert link.client is not None
    assert link.server is not None
    link.client.sendall(b"ping")
    assert link.server.recv(4) == b"ping"
    link.server.sendall(b"pong")
    assert link.client.recv(4) == b"pong"


@pytest.mark.parametrize("reception_serves", [True, False], ids=["R2 serves", "C4 serves"])
def test_two_desks_of_a_centre_link_both_ways(reception, counter, authority, reception_serves):
    serving, calling = (reception, counter) if reception_serves else (counter, reception)
    served, caller = serving.identity(), calling.identity()
    with tls_link(server_context(serving), client_context(calling)) as link:
        assert link.server_error is None
        assert link.client_error is None
        exchange(link)
        assert link.client.version() == "TLSv1.3"
        assert link.server.version() == "TLSv1.3"
        ca_pem = authority.certificate_pem
        assert check_peer(link.client, ca_pem, expected_desk=served.desk) == served
        assert check_peer(link.server, ca_pem) == caller


def test_a_client_without_a_certificate_is_refused(reception, counter):
    bare = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    bare.check_hostname = False
    bare.load_verify_locations(cafile=str(counter.ca_certificate))
    with tls_link(server_context(reception), bare) as link:
        assert reason(link.server_error) == "PEER_DID_NOT_RETURN_A_CERTIFICATE"
        assert link.client is not None  # its half of the handshake went through
        first_read_fails(link.client)


def test_a_client_of_another_centre_is_refused(tmp_path, reception, other_authority):
    stranger = enrolled(
        tmp_path / "norte", other_authority, DeskIdentity("norte", "C4", "counter", 0)
    )
    context = client_context(stranger)
    context.load_verify_locations(cafile=str(reception.ca_certificate))  # trusts us, in vain
    with tls_link(server_context(reception), context) as link:
        assert reason(link.server_error) == "CERTIFICATE_VERIFY_FAILED"
        assert link.client is not None
        first_read_fails(link.client)


def test_a_server_of_another_centre_is_refused(tmp_path, reception, other_authority):
    stranger = enrolled(
        tmp_path / "norte", other_authority, DeskIdentity("norte", "R2", "reception", 1)
    )
    context = server_context(stranger)
    context.load_verify_locations(cafile=str(reception.ca_certificate))
    with tls_link(context, client_context(reception)) as link:
        assert reason(link.client_error) == "CERTIFICATE_VERIFY_FAILED"
        assert link.server_error is not None


def test_a_client_with_an_expired_certificate_is_refused(tmp_path, reception, counter, authority):
    long_ago = datetime.now(UTC) - timedelta(days=40)
    certificate_pem, key_pem = authority.issue(COUNTER, not_before=long_ago, days=30)
    (tmp_path / "old.pem").write_bytes(certificate_pem)
    (tmp_path / "old-key.pem").write_bytes(key_pem)
    context = client_context(counter)
    context.load_cert_chain(tmp_path / "old.pem", tmp_path / "old-key.pem")
    with tls_link(server_context(reception), context) as link:
        assert reason(link.server_error) == "CERTIFICATE_VERIFY_FAILED"
        assert "expired" in str(link.server_error)
        first_read_fails(link.client)


def test_a_client_forcing_tls_1_2_is_refused(reception, counter):
    context = client_context(counter)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    with tls_link(server_context(reception), context) as link:
        assert reason(link.server_error) == "UNSUPPORTED_PROTOCOL"
        assert reason(link.client_error) == "TLSV1_ALERT_PROTOCOL_VERSION"


def test_a_server_offering_only_tls_1_2_is_refused(reception, counter):
    context = server_context(reception)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    with tls_link(context, client_context(counter)) as link:
        assert reason(link.server_error) == "UNSUPPORTED_PROTOCOL"
        assert reason(link.client_error) == "TLSV1_ALERT_PROTOCOL_VERSION"


def test_a_server_that_is_not_the_desk_announced_is_refused(reception, counter, authority):
    with tls_link(server_context(counter), client_context(reception)) as link:
        exchange(link)  # a sound link of this centre, but to C4
        with pytest.raises(PkiError, match="is C4, not R2"):
            check_peer(link.client, authority.certificate_pem, expected_desk="R2")


def test_a_revoked_desk_is_refused(reception, counter, authority):
    with tls_link(server_context(reception), client_context(counter)) as link:
        exchange(link)
        with pytest.raises(PkiError, match="C4 has been revoked"):
            check_peer(link.server, authority.certificate_pem, revoked={"C4", "R7"})
        assert check_peer(link.server, authority.certificate_pem, revoked=["R7"]) == COUNTER


def test_check_peer_checks_against_the_centre_authority_given(reception, counter):
    elsewhere = CentreAuthority.create("lisboa").certificate_pem
    with (
        tls_link(server_context(reception), client_context(counter)) as link,
        pytest.raises(PkiError, match="not signed by this lisboa centre authority"),
    ):
        check_peer(link.client, elsewhere)
