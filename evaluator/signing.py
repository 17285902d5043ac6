"""Signing keys of score files: Ed25519 key pairs, and the HMAC-SHA256 of the first release.

An expert's private key lives only in that expert's own package; the workspace and the
group packages hold public keys, which verify a signature but cannot make one
(docs/formats.md, "Signatures and keys"). Keys travel as lower-case hex of their raw
32 bytes; a public key is named by its fingerprint, the SHA-256 of those bytes.
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)


def generate_key_pair() -> tuple[str, str]:
    """(private key, public key), each as hex of its raw bytes."""
    private = Ed25519PrivateKey.generate()
    return (private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()).hex(),
            public_key_of(private))


def _private(private_hex: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_hex))


def public_key_of(private: str | Ed25519PrivateKey) -> str:
    key = _private(private) if isinstance(private, str) else private
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def fingerprint(public_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()


def sign(private_hex: str, text: str) -> str:
    return _private(private_hex).sign(text.encode("utf-8")).hex()


def verify(public_hex: str, text: str, signature_hex: str) -> bool:
    """True only if `signature_hex` is the signature of `text` by the private key of
    `public_hex`; any malformed key or signature is simply not valid."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        key.verify(bytes.fromhex(signature_hex), text.encode("utf-8"))
    except (ValueError, InvalidSignature):
        return False
    return True


def legacy_hmac(secret: str, text: str) -> str:
    """The first release's signature: HMAC-SHA256 keyed with the secret's UTF-8 text."""
    return hmac.new(secret.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


def verify_legacy_hmac(secret: str, text: str, signature_hex: str) -> bool:
    if not secret:
        return False
    return hmac.compare_digest(legacy_hmac(secret, text), signature_hex.lower())
