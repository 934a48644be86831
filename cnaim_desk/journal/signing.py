"""Keys: each desk signs its events with its own Ed25519 key; the centre key (a shared
secret) authenticates the references printed in ticket QR codes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
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
