"""The shipped fonts register and cover every holder language, whatever the machine has.

Coverage is checked against the font *files* in ``resources/fonts`` (QRawFont), never
through Qt's family matching, which would quietly use a system-installed Noto font.
"""

from __future__ import annotations

import logging
import re
import shutil
import tomllib
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QGuiApplication, QRawFont, QTextLayout

from cnaim_desk.domain.languages import HOLDER_LANGUAGES, HolderLanguage
from cnaim_desk.printing.fonts import (
    BENGALI_FAMILY,
    DEVANAGARI_FAMILY,
    GURMUKHI_FAMILY,
    HAN_SIMPLIFIED_FAMILY,
    LATIN_CYRILLIC_FAMILY,
    NASKH_FAMILY,
    NASTALIQ_FAMILY,
    FontRegistry,
    install_application_font,
    register_fonts,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
FONT_DIR = REPO_ROOT / "resources" / "fonts"
# Where holder-facing text lives; the Han subset must cover every ideograph in them.
TEXT_DIRS = ("resources", "cnaim_desk", "translations")
SUBSET_SCRIPT = "packaging/fonts/make_cjk_subset.py"

ALL_FAMILIES = {
    LATIN_CYRILLIC_FAMILY,
    NASKH_FAMILY,
    NASTALIQ_FAMILY,
    DEVANAGARI_FAMILY,
    BENGALI_FAMILY,
    GURMUKHI_FAMILY,
    HAN_SIMPLIFIED_FAMILY,
}

OWN_FAMILY = {
    "pt": LATIN_CYRILLIC_FAMILY,
    "en": LATIN_CYRILLIC_FAMILY,
    "es": LATIN_CYRILLIC_FAMILY,
    "fr": LATIN_CYRILLIC_FAMILY,
    "hi": DEVANAGARI_FAMILY,
    "ne": DEVANAGARI_FAMILY,
    "bn": BENGALI_FAMILY,
    "ur": NASTALIQ_FAMILY,
    "pa": GURMUKHI_FAMILY,
    "uk": LATIN_CYRILLIC_FAMILY,
    "ru": LATIN_CYRILLIC_FAMILY,
    "ar": NASKH_FAMILY,
    "zh-Hans": HAN_SIMPLIFIED_FAMILY,
}

# "Please wait to be called", as a holder would read it on the board.
PLEASE_WAIT = {
    "pt": "Por favor, aguarde até ser chamado.",
    "en": "Please wait to be called.",
    "es": "Por favor, espere hasta que le llamen.",
    "fr": "Veuillez patienter jusqu’à ce qu’on vous appelle.",
    "hi": "कृपया बुलाए जाने तक प्रतीक्षा करें।",
    "ne": "कृपया बोलाइएसम्म पर्खनुहोस्।",
    "bn": "অনুগ্রহ করে ডাকা না হওয়া পর্যন্ত অপেক্ষা করুন।",
    "ur": "براہ کرم اپنی باری کا انتظار کریں۔",
    "pa": "ਕਿਰਪਾ ਕਰਕੇ ਬੁਲਾਏ ਜਾਣ ਤੱਕ ਉਡੀਕ ਕਰੋ।",
    "uk": "Будь ласка, зачекайте, поки вас викличуть.",
    "ru": "Пожалуйста, подождите, пока вас вызовут.",
    "ar": "يرجى الانتظار حتى يتم استدعاؤك.",
    "zh-Hans": "请等候叫号。",
}


@pytest.fixture
def registry(qapp, monkeypatch) -> FontRegistry:
    """The application's own registration of ``resources/fonts``."""
    monkeypatch.delenv("CNAIM_DESK_RESOURCES", raising=False)
    return register_fonts()


def shipped_font_files() -> list[Path]:
    return sorted(p for p in FONT_DIR.iterdir() if p.suffix in (".ttf", ".otf"))


def missing_characters(font_file: Path, text: str) -> list[str]:
    """Characters of ``text`` the font file has no glyph for, as ``U+XXXX x``."""
    raw_font = QRawFont(str(font_file), 24)
    assert raw_font.isValid(), font_file
    # The code-point overload: supportsCharacter(str) answers False above U+007F.
    return [
        f"U+{ord(ch):04X} {ch}"
        for ch in sorted(set(text))
        if not raw_font.supportsCharacter(ord(ch))
    ]


def han_characters_in_repository() -> set[str]:
    """Every Han character in the UTF-8 text files of TEXT_DIRS (binary files skipped)."""
    found: set[str] = set()
    for name in TEXT_DIRS:
        root = REPO_ROOT / name
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            data = path.read_bytes()
            if b"\0" in data:
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            found.update(ch for ch in set(text) if is_han(ch))
    return found


def is_han(character: str) -> bool:
    return unicodedata.name(character, "").startswith(
        ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")
    )


def test_every_shipped_font_file_registers(registry):
    files = shipped_font_files()
    assert len(files) == 2 * len(ALL_FAMILIES)  # a regular and a bold of each
    assert registry.failed == ()
    assert sorted(font.path for font in registry.fonts) == files
    assert all(font.font_id != -1 for font in registry.fonts)
    assert set(registry.families) == ALL_FAMILIES


def test_registering_twice_reuses_the_first_registration(registry):
    families_before = QFontDatabase.families()
    assert register_fonts() is registry
    assert QFontDatabase.families() == families_before


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_each_family_has_a_file_of_each_weight(registry, bold):
    for family in ALL_FAMILIES:
        path = registry.path_for_family(family, bold=bold)
        assert path is not None, family
        assert path.parent == FONT_DIR
        assert QRawFont(str(path), 12).familyName() == family
        assert QRawFont(str(path), 12).weight() == (700 if bold else 400)


def test_path_for_an_unknown_family_is_none(registry):
    assert registry.path_for_family("DejaVu Sans") is None


@pytest.mark.parametrize("language", HOLDER_LANGUAGES, ids=lambda lang: lang.tag)
def test_own_script_font_leads_then_noto_sans_then_the_rest(registry, language):
    families = registry.families_for_language(language.tag)
    assert families[0] == OWN_FAMILY[language.tag]
    assert LATIN_CYRILLIC_FAMILY in families[:2]
    assert sorted(families) == sorted(ALL_FAMILIES)  # every script as a fallback, once


def test_urdu_reads_nastaliq_and_arabic_reads_naskh(registry):
    assert registry.families_for_language("ur")[:2] == [NASTALIQ_FAMILY, LATIN_CYRILLIC_FAMILY]
    assert registry.families_for_language("ar")[:2] == [NASKH_FAMILY, LATIN_CYRILLIC_FAMILY]
    urdu, arabic = registry.families_for_language("ur"), registry.families_for_language("ar")
    assert urdu.index(NASKH_FAMILY) > urdu.index(NASTALIQ_FAMILY)
    assert arabic.index(NASTALIQ_FAMILY) > arabic.index(NASKH_FAMILY)


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
@pytest.mark.parametrize("language", HOLDER_LANGUAGES, ids=lambda lang: lang.tag)
def test_own_script_font_file_covers_the_native_name_and_a_sentence(
    registry, language: HolderLanguage, bold
):
    font_file = registry.path_for_family(registry.families_for_language(language.tag)[0], bold=bold)
    assert font_file is not None
    assert font_file.parent == FONT_DIR  # the shipped file, not a system font
    text = language.native_name + " " + PLEASE_WAIT[language.tag]
    assert missing_characters(font_file, text) == []


@pytest.mark.parametrize("language", HOLDER_LANGUAGES, ids=lambda lang: lang.tag)
def test_text_is_laid_out_in_the_own_script_family_with_no_empty_boxes(registry, language):
    text = f"{language.native_name} {PLEASE_WAIT[language.tag]} A-012"
    layout = QTextLayout(text, registry.font_for_language(language.tag, point_size=20))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    name_runs = layout.glyphRuns(0, len(language.native_name))
    assert {run.rawFont().familyName() for run in name_runs} == {OWN_FAMILY[language.tag]}
    for run in layout.glyphRuns():
        assert run.rawFont().familyName() in ALL_FAMILIES
        assert 0 not in run.glyphIndexes()  # glyph 0 is .notdef, the empty box


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_han_subset_covers_every_han_character_in_the_repository(registry, bold):
    han = han_characters_in_repository()
    assert set("简体中文") <= han  # the scan sees at least the language list
    font_file = registry.path_for_family(HAN_SIMPLIFIED_FAMILY, bold=bold)
    missing = missing_characters(font_file, "".join(han))
    assert missing == [], f"run {SUBSET_SCRIPT} to add these to the Han subset"


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_han_subset_covers_gb2312_level_one(registry, bold):
    level_one = "".join(
        bytes((row, cell)).decode("gb2312")
        for row in range(0xB0, 0xD8)
        for cell in range(0xA1, 0xFF)
        if (row, cell) < (0xD7, 0xFA)
    )
    assert len(level_one) == 3755
    font_file = registry.path_for_family(HAN_SIMPLIFIED_FAMILY, bold=bold)
    assert missing_characters(font_file, level_one + "，。、：？！（）《》") == []


def test_font_for_language_carries_the_family_list_size_and_weight(registry):
    font = registry.font_for_language("ur", point_size=30, bold=True)
    assert font.families() == registry.families_for_language("ur")
    assert font.pointSizeF() == 30
    assert font.bold()
    assert not registry.font_for_language("ur").bold()


def test_ui_font_starts_with_noto_sans_and_falls_back_to_every_script(registry):
    font = registry.ui_font(point_size=11)
    assert font.families()[0] == LATIN_CYRILLIC_FAMILY
    assert set(font.families()) == ALL_FAMILIES
    assert font.pointSizeF() == 11


def test_install_application_font_sets_the_default_font(qapp, registry):
    previous = QGuiApplication.font()
    try:
        install_application_font(qapp, registry)
        assert QGuiApplication.font().families() == registry.ui_font().families()
    finally:
        qapp.setFont(previous)


def arabic_script_texts(language: str) -> list[str]:
    """Every text in ``language`` of the repository (holder texts, triage flows), cut where
    Latin letters, digits, brackets or placeholders would be drawn in another font."""
    texts: set[str] = set()
    for folder in ("text", "flows"):
        table = tomllib.loads(
            (REPO_ROOT / "resources" / folder / "translations" / "ur.toml").read_text()
        )
        for entry in table["strings"].values():
            text = entry["text"] if isinstance(entry, dict) else entry
            # pieces of Arabic script and spaces: the rest is drawn in Noto Sans
            pieces = (piece.strip() for piece in re.split(r"[^\u0600-\u06ff\s]+", text))
            texts.update(piece for piece in pieces if piece)
    return sorted(texts)


def qt_glyphs(text: str, font) -> list[tuple[int, float, float]]:
    """Qt's glyphs for ``text`` set on one line, in visual order: (glyph, x, y), y up."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(1e6)
    layout.endLayout()
    glyphs = []
    for run in layout.glyphRuns():
        placed = [
            (g, p.x(), -p.y()) for g, p in zip(run.glyphIndexes(), run.positions(), strict=True)
        ]
        glyphs.extend(placed)
    return sorted(glyphs, key=lambda glyph: (glyph[1], glyph[0]))


def harfbuzz_glyphs(text: str, blob: bytes) -> list[tuple[int, float, float]]:
    """HarfBuzz's own glyphs for ``text`` in the same units, sorted the same way."""
    import uharfbuzz

    font = uharfbuzz.Font(uharfbuzz.Face(blob))
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    uharfbuzz.shape(font, buffer)
    glyphs, pen = [], 0
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        glyphs.append((info.codepoint, pen + position.x_offset, position.y_offset))
        pen += position.x_advance
    return sorted(glyphs, key=lambda glyph: (glyph[1], glyph[0]))


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
@pytest.mark.parametrize(("language", "family"), [("ur", NASTALIQ_FAMILY), ("ar", NASKH_FAMILY)])
def test_qt_places_every_glyph_of_the_arabic_script_texts_where_harfbuzz_does(
    registry, language, family, bold
):
    """Nastaliq stacks letters diagonally; a font or a Qt that misplaces them makes
    "نمبر" read "ہبر" (Noto Nastaliq Urdu 2.000 did, in Qt). Each text is laid out by Qt
    in the shipped file, at its units-per-em size, and compared glyph by glyph with
    HarfBuzz alone; Arabic in Naskh the same way."""
    path = registry.path_for_family(family, bold=bold)
    texts = arabic_script_texts(language)
    assert len(texts) > 150
    blob = path.read_bytes()
    font = registry.font_for_language(language, bold=bold)
    font.setPixelSize(1000)  # the file's units per em: positions in font units
    font.setHintingPreference(font.HintingPreference.PreferNoHinting)
    misplaced = []
    for text in texts:
        ours, theirs = qt_glyphs(text, font), harfbuzz_glyphs(text, blob)
        if [glyph for glyph, _, _ in ours] != [glyph for glyph, _, _ in theirs]:
            misplaced.append(text)
            continue
        origin = (ours[0][1] - theirs[0][1], ours[0][2] - theirs[0][2])
        if any(
            abs(qx - hx - origin[0]) > 2 or abs(qy - hy - origin[1]) > 2
            for (_, qx, qy), (_, hx, hy) in zip(ours, theirs, strict=True)
        ):
            misplaced.append(text)
    assert misplaced == []


def test_corrupt_font_file_is_logged_and_the_rest_still_register(qapp, tmp_path, caplog):
    shutil.copy(FONT_DIR / "NotoSansGurmukhi-Regular.ttf", tmp_path)
    broken = tmp_path / "Broken-Regular.ttf"
    broken.write_bytes(b"this is not a font\n" * 64)
    with caplog.at_level(logging.WARNING, logger="cnaim_desk.printing.fonts"):
        registry = register_fonts(tmp_path)
    try:
        assert registry.failed == (broken.resolve(),)
        assert registry.families == (GURMUKHI_FAMILY,)
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert any("Broken-Regular.ttf" in message for message in warnings)
    finally:
        for font in registry.fonts:
            QFontDatabase.removeApplicationFont(font.font_id)


def test_missing_font_folder_is_logged_not_raised(qapp, tmp_path, caplog):
    absent = tmp_path / "no-fonts-here"
    with caplog.at_level(logging.WARNING, logger="cnaim_desk.printing.fonts"):
        registry = register_fonts(absent)
    assert registry.fonts == ()
    assert any("no-fonts-here" in r.getMessage() for r in caplog.records)
