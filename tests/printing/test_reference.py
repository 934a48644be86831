"""The signed reference in a ticket's QR code: read back, and refused when it must be."""

from __future__ import annotations

import pytest

from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing.reference import ReferenceRefused, TicketReference

KEY = CentreKey(bytes(range(32)))
REFERENCE = TicketReference("lisboa", "2026-12-07", "S023", "R1:0a1b2c3d:17")


def decode(text: str, key: CentreKey = KEY, centre: str = "lisboa", day: str = "2026-12-07"):
    return TicketReference.decode(text, key, centre=centre, day=day)


def test_a_reference_reads_back_as_itself():
    text = REFERENCE.encode(KEY)
    assert text.startswith("CN1/LISBOA/2026-12-07/S023/R1:0A1B2C3D:17/")
    assert decode(text) == REFERENCE


def test_nothing_personal_and_short_enough_for_a_small_code():
    text = REFERENCE.encode(KEY)
    assert len(text) <= 61  # a version 3 QR code at level M holds 61 alphanumerics
    assert text.count("/") == 5
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@pytest.mark.parametrize(
    "mangle",
    [
        # a US-English scanner on a Portuguese keyboard: | : - come out as other keys
        lambda t: t.replace("/", "~").replace(":", "Ç").replace("-", "'"),
        lambda t: t.swapcase(),  # Caps Lock on
        lambda t: f"  {t}\n",  # the scanner's suffix
    ],
    ids=["other-layout", "caps-lock", "whitespace"],
)
def test_a_scanner_typing_for_another_keyboard_layout_still_reads(mangle):
    assert decode(mangle(REFERENCE.encode(KEY))) == REFERENCE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("S023", "not a CNAIM ticket code"),
        ("https://example.org/ticket/S023", "not a CNAIM ticket code"),
        ("", "not a CNAIM ticket code"),
    ],
)
def test_what_is_not_a_ticket_code_is_refused_as_such(text, message):
    with pytest.raises(ReferenceRefused, match=message):
        decode(text)


def test_an_altered_code_is_refused_as_forged():
    text = REFERENCE.encode(KEY).replace("S023", "S002")
    assert text != REFERENCE.encode(KEY)
    with pytest.raises(ReferenceRefused, match="damaged or forged"):
        decode(text)


def test_a_code_signed_with_another_key_is_refused_as_forged():
    text = REFERENCE.encode(CentreKey(bytes(32)))
    with pytest.raises(ReferenceRefused, match="damaged or forged"):
        decode(text)


def test_a_truncated_signature_is_refused():
    text = REFERENCE.encode(KEY)
    with pytest.raises(ReferenceRefused, match="damaged or forged"):
        decode(text[:-10])


def test_another_centre_and_another_day_are_named():
    porto = TicketReference("porto", "2026-12-07", "S023", "R1:0a1b2c3d:17").encode(KEY)
    with pytest.raises(ReferenceRefused, match=r"another centre \(porto\)"):
        decode(porto)
    with pytest.raises(ReferenceRefused, match=r"another day \(2026-12-07\)"):
        decode(REFERENCE.encode(KEY), day="2026-12-08")
