"""Keys: each desk signs its events with its own Ed25519 key; the centre key (a shared
secret) authenticates the references printed in ticket QR codes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)


class KeyFileError(Exception):
    """A key file that is missing, unreadable or readable by others."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def write_private(path: Path, data: bytes) -> None:
    """Write a secret readable by its owner only (created 0600, never widened)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_private(path: Path) -> bytes:
    """Read a secret, refusing one that other users could read (POSIX only)."""
    try:
        mode = path.stat().st_mode
        data = path.read_bytes()
    except OSError as error:
        raise KeyFileError(f"Cannot read the key {path}: {error.strerror}.") from None
    if os.name == "posix" and mode & 0o077:
        raise KeyFileError(f"The key {path} is readable by other users; run `chmod 600 {path}`.")
    return data


class DeskSigningKey:
    """A desk's Ed25519 signing key."""

    def __init__(self, private: Ed25519PrivateKey):
        self._private = private

    @classmethod
    def generate(cls) -> DeskSigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def load(cls, path: Path) -> DeskSigningKey:
        try:
            key = serialization.load_pem_private_key(read_private(path), password=None)
        except ValueError:
            raise KeyFileError(f"The key {path} is damaged.") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyFileError(f"The key {path} is not an Ed25519 key.")
        return cls(key)

    @classmethod
    def from_raw(cls, raw: bytes) -> DeskSigningKey:
        """The key from its 32 raw bytes (as an enrolment file carries it)."""
        try:
            return cls(Ed25519PrivateKey.from_private_bytes(raw))
        except ValueError:
            raise KeyFileError("The desk's signing key is damaged.") from None

    def raw_private(self) -> bytes:
        """The private key's 32 raw bytes: for an enrolment file, never to be logged."""
        return self._private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )

    def save(self, path: Path) -> None:
        pem = self._private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        write_private(path, pem)

    @property
    def public_key(self) -> str:
        """The public key, base64 of the raw 32 bytes, as the desk registry stores it."""
        raw = self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return _b64(raw)

    def sign(self, payload: bytes) -> str:
        return _b64(self._private.sign(payload))


class SignatureChecker:
    """Verifies signatures against public keys, caching the parsed keys."""

    def __init__(self) -> None:
        self._keys: dict[str, Ed25519PublicKey] = {}

    def verify(self, public_key: str, payload: bytes, signature: str) -> bool:
        try:
            key = self._keys.get(public_key)
            if key is None:
                key = Ed25519PublicKey.from_public_bytes(_unb64(public_key))
                self._keys[public_key] = key
            key.verify(_unb64(signature), payload)
        except (InvalidSignature, ValueError):
            return False
        return True


class CentreKey:
    """The centre's shared secret for message authentication codes (ticket QR codes)."""

    SIZE = 32

    def __init__(self, secret: bytes):
        if len(secret) != self.SIZE:
            raise KeyFileError("The centre key must be 32 bytes.")
        self._secret = secret

    @classmethod
    def generate(cls) -> CentreKey:
        return cls(secrets.token_bytes(cls.SIZE))

    @classmethod
    def load(cls, path: Path) -> CentreKey:
        return cls(read_private(path))

    @property
    def secret(self) -> bytes:
        """The 32 bytes, for an enrolment file only."""
        return self._secret

    def save(self, path: Path) -> None:
        write_private(path, self._secret)

    def mac(self, message: bytes) -> bytes:
        return hmac.new(self._secret, message, hashlib.sha256).digest()

    def verify(self, message: bytes, tag: bytes) -> bool:
        return hmac.compare_digest(self.mac(message)[: len(tag)], tag) and len(tag) >= 8


class RegistrySeal:
    """The centre authority's seal on desk registry entries: an entry of an enrolled
    centre counts only when the centre's CA key signed it, so no desk can add, change or
    un-revoke a desk through sync. The desk holding the CA key signs; the others check."""

    SIGNATURE = "sig"

    def __init__(
        self,
        public_key: ec.EllipticCurvePublicKey,
        private_key: ec.EllipticCurvePrivateKey | None = None,
    ):
        self._public = public_key
        self._private = private_key

    @classmethod
    def from_files(cls, certificate_path: Path, key_path: Path) -> RegistrySeal | None:
        """The seal of the centre whose CA certificate is at ``certificate_path`` (and
        able to sign where its key is at ``key_path``); None for a standalone desk."""
        if not certificate_path.exists():
            return None
        try:
            certificate = x509.load_pem_x509_certificate(certificate_path.read_bytes())
        except ValueError:
            raise KeyFileError(f"The centre certificate {certificate_path} is damaged.") from None
        public = certificate.public_key()
        if not isinstance(public, ec.EllipticCurvePublicKey):
            raise KeyFileError(f"{certificate_path} is not a centre authority's certificate.")
        private = None
        if key_path.exists():
            key = serialization.load_pem_private_key(read_private(key_path), password=None)
            if not isinstance(key, ec.EllipticCurvePrivateKey):
                raise KeyFileError(f"{key_path} is not a centre authority's key.")
            private = key
        return cls(public, private)

    @property
    def can_sign(self) -> bool:
        return self._private is not None

    @classmethod
    def payload(cls, desk: str, record: dict) -> bytes:
        body = {key: str(value) for key, value in record.items() if key != cls.SIGNATURE}
        return json.dumps([desk, body], sort_keys=True, separators=(",", ":")).encode()

    def sign(self, desk: str, record: dict) -> dict:
        """``record`` with the authority's signature."""
        if self._private is None:
            raise ValueError(
                "Only the desk holding the centre's authority changes the desk registry."
            )
        signature = self._private.sign(self.payload(desk, record), ec.ECDSA(hashes.SHA256()))
        return {**record, self.SIGNATURE: _b64(signature)}

    def verifies(self, desk: str, record: object) -> bool:
        if not isinstance(record, dict) or not isinstance(record.get(self.SIGNATURE), str):
            return False
        try:
            self._public.verify(
                _unb64(record[self.SIGNATURE]),
                self.payload(desk, record),
                ec.ECDSA(hashes.SHA256()),
            )
        except (InvalidSignature, ValueError):
            return False
        return True
