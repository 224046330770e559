"""PINs of officers: hashed with scrypt and a random salt, never kept in clear.

A PIN says which officer is at the keyboard of a shared PC (accountability), it is not a security
barrier: anyone with the Windows account can copy the data folder. Four to twelve digits.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from ocop_desktop.domain.errors import ValidationError

N, R, P = 2**14, 8, 1  # about 50 ms on an office PC: cheap to type, costly to try every PIN of a copy


def check_pin_format(pin: str) -> str:
    pin = pin.strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValidationError({"pin": "Mã PIN gồm 4 đến 12 chữ số."})
    return pin


def hash_pin(pin: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(check_pin_format(pin).encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def pin_matches(stored: str, pin: str) -> bool:
    try:
        kind, n, r, p, salt, expected = stored.split("$")
        digest = hashlib.scrypt(
            pin.strip().encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except ValueError:
        return False
    return kind == "scrypt" and hmac.compare_digest(digest.hex(), expected)
