"""The ticket as drawn: every letter in a shipped font, scripts shaped, right-to-left
laid from the right, each paper's size, and a QR code another decoder reads back.

Glyphs are read from the very text layouts the renderer draws (``TicketLayout.texts``),
so what is checked is what is printed."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QFontMetricsF, QTextLayout
from PySide6.QtPdf import QPdfDocument

from cnaim_desk.domain.centres import CENTRE_IDS
from cnaim_desk.domain.languages import HOLDER_LANGUAGES, LANGUAGE_TAGS, holder_language
from cnaim_desk.journal.desk import load_flow
from cnaim_desk.printing.layout import Paper
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.printing.render_qt import (
    QR_CACHE_SIZE,
    RECEIPT_DPI,
    TicketLayout,
    _qr_runs,
    page_geometry,
    render_image,
    render_pdf,
)
from cnaim_desk.resources import resources_dir
from tests.printing.conftest import KEY

TICKET_PAPERS = (Paper.RECEIPT_80, Paper.RECEIPT_58, Paper.A6)


def glyph_runs(layout: QTextLayout, start: int = 0, length: int = -1):
    return layout.glyphRuns(start, length)


def shipped_families(fonts) -> set[str]:
    return set(fonts.families)


def laid_out(fonts, language: str, text: str) -> QTextLayout:
    """``text`` laid out as the renderer lays out a ticket line in ``language``."""
    layout = TicketLayout(_blank(language), 72.0, fonts)
    layout.text(text, language, 3.3, rtl=holder_language(language).right_to_left)
    return layout.texts[-1][2]


def _blank(language: str):
    from cnaim_desk.printing.layout import SlipContent, SlipText

    text = SlipText(language, False, "", "", "")
    from datetime import datetime

    return SlipContent(datetime(2026, 12, 7), text, None, "", "")


def assert_covered(fonts, text: str, layout: QTextLayout, where: str) -> None:
    runs = glyph_runs(layout)
    assert runs, f"{where}: nothing laid out for {text!r}"
    for run in runs:
        family = run.rawFont().familyName()
        assert family in shipped_families(fonts), f"{where}: {text!r} fell back to {family}"
        assert 0 not in run.glyphIndexes(), f"{where}: an empty box in {text!r} ({family})"


# -- every character in a shipped font ----------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGE_TAGS)
@pytest.mark.parametrize("paper", TICKET_PAPERS, ids=str)
def test_every_string_of_a_full_ticket_is_drawn_in_a_shipped_font(fonts, content, language, paper):
    geometry = page_geometry(content(language), paper, fonts)
    drawn = geometry.layout.texts
    assert len(drawn) >= 15
    for text, tag, layout in drawn:
        assert_covered(fonts, text, layout, f"{language} ticket on {paper}, a {tag} line")


@pytest.mark.parametrize("language", LANGUAGE_TAGS)
def test_every_holder_text_and_document_of_every_centre_is_covered(fonts, texts, language):
    """Beyond one sample ticket: each ticket text id, and each document any centre's
    flow may put on a ticket, in the language the holder reads."""
    strings = {text.get(language) for text in texts.texts.values()}
    for centre in CENTRE_IDS:
        flow = load_flow(centre, resources_dir())
        for outcome in flow.outcomes.values():
            strings.update(document.get(language) for document in outcome.documents)
        strings.update(message.get(language) for message in flow.messages.values())
    assert len(strings) > 40
    for text in sorted(strings):
        assert_covered(fonts, text, laid_out(fonts, language, text), language)


# -- shaping ----------------------------------------------------------------------------


def glyphs(fonts, language: str, text: str) -> list[int]:
    return [g for run in glyph_runs(laid_out(fonts, language, text)) for g in run.glyphIndexes()]


def test_arabic_letters_join_into_other_glyphs_than_when_alone(fonts, texts):
    word = texts.get("service_SS", "ar").split()[0]  # الضمان
    assert word == "الضمان"
    joined = glyphs(fonts, "ar", word)
    alone = {g for letter in word for g in glyphs(fonts, "ar", letter)}
    # the joined word uses initial, medial and final forms the isolated letters do not
    assert len(set(joined) - alone) >= 3, (joined, alone)


def test_urdu_nastaliq_letters_join_too(fonts, texts):
    word = texts.get("ticket_number", "ur").split()[-1]
    joined = glyphs(fonts, "ur", word)
    alone = {g for letter in word for g in glyphs(fonts, "ur", letter)}
    assert set(joined) - alone


@pytest.mark.parametrize(
    ("language", "word"),
    [("bn", "নিরাপত্তা"), ("hi", "प्रतीक्षा"), ("pa", "ਪ੍ਰਵਾਸੀ")],
)
def test_an_indic_conjunct_gives_fewer_glyphs_than_code_points(fonts, texts, language, word):
    everything = " ".join(text.get(language) for text in texts.texts.values())
    if word not in everything:  # the word is taken from what tickets really say
        everything = word
    assert "\u09cd" in word or "\u094d" in word or "\u0a4d" in word  # a virama: a conjunct
    assert len(glyphs(fonts, language, word)) < len(word)


def test_right_to_left_lines_start_from_the_right(fonts, content):
    geometry = page_geometry(content("ar"), Paper.RECEIPT_80, fonts)
    documents = [
        layout
        for text, tag, layout in geometry.layout.texts
        if tag == "ar" and text.startswith("• ")
    ]
    assert documents
    column = geometry.layout._width
    for layout in documents:
        line = layout.lineAt(0)
        rect = line.naturalTextRect()
        assert abs(rect.right() - column) < 2, "an Arabic list line ends on the right edge"
        assert rect.width() < column
        # the Arabic runs go right to left (a Latin acronym inside keeps its own order)
        assert any(run.isRightToLeft() for run in glyph_runs(layout))


# -- paper ------------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "width_px"), [(Paper.RECEIPT_80, 639), (Paper.RECEIPT_58, 464)])
def test_a_roll_is_as_wide_as_its_paper_and_as_long_as_its_ticket(fonts, content, paper, width_px):
    short = render_image(content("en", group_size=1, visit=(), children=False), paper, fonts)
    full = render_image(content("en"), paper, fonts)
    assert short.width() == full.width() == width_px
    assert short.height() < full.height()
    assert full.height() == round(page_geometry(content("en"), paper, fonts).height_mm * 8) or (
        abs(full.height() - page_geometry(content("en"), paper, fonts).height_mm * 203 / 25.4) <= 1
    )


@pytest.mark.parametrize("language", ["ur", "bn", "en"])
def test_a_full_ticket_fits_an_a6_card(fonts, content, language):
    geometry = page_geometry(content(language), Paper.A6, fonts)
    assert (geometry.width_mm, geometry.height_mm) == (105.0, 148.0)
    assert geometry.layout.height_mm * geometry.scale <= 148.0 + 0.01
    assert geometry.layout.width_mm * geometry.scale <= 105.0 + 0.01
    assert geometry.scale > 0.65, "still readable"
    image = render_image(content(language), Paper.A6, fonts)
    assert (image.width(), image.height()) == (839, 1183)
    # the last lines (the support line) are on the card, not cut off below it
    bottom = image.copy(0, round(image.height() * 0.8), image.width(), round(image.height() * 0.2))
    assert not bottom.isNull()


@pytest.mark.parametrize("paper", TICKET_PAPERS, ids=str)
def test_the_pdf_page_is_the_paper(fonts, content, paper, tmp_path):
    path = render_pdf(content("zh-Hans"), tmp_path / "ticket.pdf", paper, fonts)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1
    size = document.pagePointSize(0)
    geometry = page_geometry(content("zh-Hans"), paper, fonts)
    # (A6 comes back as the standard size's whole points, 297 × 420)
    assert size.width() == pytest.approx(geometry.width_mm * 72 / 25.4, abs=1)
    assert size.height() == pytest.approx(geometry.height_mm * 72 / 25.4, abs=1)


# -- the QR code ------------------------------------------------------------------------


def to_pillow(image) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    from io import BytesIO

    return Image.open(BytesIO(bytes(buffer.data())))


@pytest.mark.parametrize("language", ["ar", "zh-Hans", "pa"])
@pytest.mark.parametrize("paper", TICKET_PAPERS, ids=str)
def test_the_qr_code_printed_at_203_dpi_reads_back_and_verifies(fonts, content, language, paper):
    ticket = content(language)
    image = render_image(ticket, paper, fonts, RECEIPT_DPI, monochrome=True)
    found = zxingcpp.read_barcodes(to_pillow(image).convert("L"))
    codes = [barcode for barcode in found if barcode.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(codes) == 1
    assert codes[0].text == ticket.reference
    reference = TicketReference.decode(codes[0].text, KEY, centre="lisboa", day="2026-12-07")
    assert (reference.code, reference.ticket_id) == ("S023", "R1:0a1b2c3d:23")
    # wide enough for a phone or a hand scanner: at least 18 mm across
    position = codes[0].position
    side_px = abs(position.top_right.x - position.top_left.x)
    assert side_px * 25.4 / RECEIPT_DPI >= 18


def test_every_holder_language_is_checked():
    assert len(HOLDER_LANGUAGES) == 13


def qr_box(image, reference: str) -> tuple[int, int, int, float]:
    """Where the code is on ``image``: its left, top, side in pixels, and pixels per
    module (the symbol's modules counted from the reference itself)."""
    codes = [
        barcode
        for barcode in zxingcpp.read_barcodes(to_pillow(image).convert("L"))
        if barcode.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert [code.text for code in codes] == [reference]
    corners = codes[0].position
    xs = [corners.top_left.x, corners.top_right.x, corners.bottom_left.x, corners.bottom_right.x]
    ys = [corners.top_left.y, corners.top_right.y, corners.bottom_left.y, corners.bottom_right.y]
    side = max(xs) - min(xs) + 1
    modules, _ = _qr_runs(reference)
    return min(xs), min(ys), side, side / modules


@pytest.mark.parametrize(
    ("language", "paper"),
    [("en", Paper.RECEIPT_80), ("pa", Paper.RECEIPT_58), ("en", Paper.A6), ("ur", Paper.A6)],
    ids=str,
)
def test_the_qr_code_has_four_white_modules_all_round(fonts, content, language, paper):
    ticket = content(language)
    image = to_pillow(render_image(ticket, paper, fonts, RECEIPT_DPI, monochrome=True))
    left, top, side, module = qr_box(image, ticket.reference)
    quiet = int(4 * module)  # whole pixels: the edge pixel of a module may be either
    grey = image.convert("L")
    around = grey.crop((left - quiet, top - quiet, left + side + quiet, top + side + quiet))
    assert around.size == (side + 2 * quiet, side + 2 * quiet)
    inside = Image.new("L", (side, side), 255)
    around.paste(inside, (quiet, quiet))  # blank the code itself: the rest must be white
    assert left - quiet >= 0
    assert around.getextrema() == (255, 255)


def test_a_card_drawn_smaller_has_no_seams_inside_the_qr_code(fonts, content):
    """Drawn at two thirds of its size, the code's dark modules must stay solid: white
    hairlines between them (one rectangle each, softened edges) confuse scanners."""
    ticket = content("ur")
    assert page_geometry(ticket, Paper.A6, fonts).scale < 0.9
    image = to_pillow(render_image(ticket, Paper.A6, fonts, 300)).convert("L")
    left, top, side, _ = qr_box(image, ticket.reference)
    pixels = image.load()
    seams = 0
    for y in range(top + 1, top + side - 1):
        for x in range(left + 1, left + side - 1):
            if pixels[x, y] > 64 and (
                (pixels[x - 1, y] < 32 and pixels[x + 1, y] < 32)
                or (pixels[x, y - 1] < 32 and pixels[x, y + 1] < 32)
            ):
                seams += 1
    assert seams == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_document_that_wraps_continues_under_its_text_not_under_its_bullet(
    fonts, content, language
):
    geometry = page_geometry(content(language), Paper.RECEIPT_58, fonts)
    wrapped = [
        layout
        for text, tag, layout in geometry.layout.texts
        if tag == language and text.startswith("• ") and layout.lineCount() > 1
    ]
    assert wrapped, "a document long enough to wrap on 58 mm"
    column = geometry.layout._width
    for layout in wrapped:
        first, second = layout.lineAt(0), layout.lineAt(1)
        bullet = QFontMetricsF(layout.font()).horizontalAdvance("• ")
        if language == "ar":  # from the right: the second line ends short of the edge
            assert abs(first.naturalTextRect().right() - column) < 2
            assert second.naturalTextRect().right() == pytest.approx(column - bullet, abs=2)
        else:
            assert first.naturalTextRect().left() == pytest.approx(0, abs=1)
            assert second.naturalTextRect().left() == pytest.approx(bullet, abs=1)


def test_a_desk_printing_all_day_keeps_only_the_last_few_qr_codes(fonts, content):
    """Each ticket's QR code is its own: kept for all of them, a busy desk's memory
    would grow by some 16 kB a ticket, day after day."""
    for number in range(3 * QR_CACHE_SIZE):
        render_image(content("en", id=f"R1:0a1b2c3d:{number}"), Paper.RECEIPT_80, fonts)
    assert _qr_runs.cache_info().currsize <= QR_CACHE_SIZE
