"""Make the Simplified Chinese subset fonts shipped in ``resources/fonts/``.

Maintainer tool, not a runtime dependency: it needs fontTools (``pip install fonttools``),
which the application itself never imports.

The full Noto Sans CJK collections weigh about 20 MB each. Holders reading Chinese need
only the common hanzi, so this keeps, from the Simplified Chinese face of each collection:

* the 3,755 level-1 hanzi of GB2312 (the everyday characters);
* CJK symbols and punctuation (U+3000-U+303F), fullwidth forms (U+FF00-U+FFEF), general
  punctuation (U+2000-U+206F, for the quotes and ellipsis of Chinese text), the middle
  dot (U+00B7) and printable ASCII, so mixed text keeps one design;
* every Han character found in the repository's text files (``resources/``,
  ``cnaim_desk/`` and ``translations/``), so a translation using a rarer character is
  still covered once this script is run again.

``tests/printing/test_fonts.py`` fails when a text file holds a Han character the subset lacks:
run this script again after adding one. The ``locl`` feature is dropped because it only
pulls in the Japanese, Korean and Traditional Chinese glyph variants (doubling the size),
and the family is renamed "Noto Sans SC Subset" so it is never confused with a full Noto
CJK font installed on the machine.

Usage (Debian's fonts-noto-cjk provides the defaults)::

    python packaging/fonts/make_cjk_subset.py \\
        [--ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc] \\
        [--ttc /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc] \\
        [--output-dir resources/fonts]

The source's timestamps are kept, so the same inputs and fontTools version give the same
bytes.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO_ROOT = Path(__file__).resolve().parents[2]
DEBIAN_CJK_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_SOURCES = (
    DEBIAN_CJK_DIR / "NotoSansCJK-Regular.ttc",
    DEBIAN_CJK_DIR / "NotoSansCJK-Bold.ttc",
)
DEFAULT_OUTPUT_DIR = REPO_ROOT / "resources" / "fonts"
SCANNED_DIRS = ("resources", "cnaim_desk", "translations")

SOURCE_FAMILY = "Noto Sans CJK SC"
SOURCE_POSTSCRIPT_PREFIXES = ("NotoSansCJKsc", "NotoSansCJKjp")  # the CFF carries the JP name
SUBSET_FAMILY = "Noto Sans SC Subset"
SUBSET_POSTSCRIPT_PREFIX = "NotoSansSCSubset"
SUBSET_FILE_PREFIX = "NotoSansSC-Subset"

FIXED_RANGES = (
    range(0x0020, 0x007F),  # printable ASCII
    range(0x00B7, 0x00B8),  # middle dot, used between parts of foreign names
    range(0x2000, 0x2070),  # general punctuation: “ ” ‘ ’ … — ‰
    range(0x3000, 0x3040),  # CJK symbols and punctuation
    range(0xFF00, 0xFFF0),  # halfwidth and fullwidth forms
)


def gb2312_level1_hanzi() -> set[int]:
    """The 3,755 level-1 hanzi of GB2312: rows 0xB0-0xD7, cells 0xA1-0xFE (0xD7FA-FE unused)."""
    hanzi: set[int] = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                hanzi.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    if len(hanzi) != 3755:
        raise RuntimeError(f"expected 3755 GB2312 level-1 hanzi, decoded {len(hanzi)}")
    return hanzi


def is_han(character: str) -> bool:
    """True for a CJK unified or compatibility ideograph."""
    return unicodedata.name(character, "").startswith(
        ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")
    )


def text_files(roots: Iterable[Path]) -> Iterator[Path]:
    """Every UTF-8 text file below ``roots`` (binary files such as fonts are skipped)."""
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def han_in_files(roots: Iterable[Path]) -> set[int]:
    """Code points of every Han character in the UTF-8 text files below ``roots``."""
    found: set[int] = set()
    for path in text_files(roots):
        data = path.read_bytes()
        if b"\0" in data:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        found.update(ord(ch) for ch in set(text) if is_han(ch))
    return found


def simplified_chinese_face(ttc_path: Path) -> int:
    """Index of the "Noto Sans CJK SC" face in a Noto Sans CJK collection."""
    collection = TTCollection(str(ttc_path), lazy=True)
    for index, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == SOURCE_FAMILY:
            return index
    raise SystemExit(f"{ttc_path}: no face with family {SOURCE_FAMILY!r}")


def rename(font: TTFont) -> str:
    """Give the subset its own family and PostScript names; return the style (Regular, Bold)."""
    name_table = font["name"]
    style = name_table.getDebugName(2)
    for record in name_table.names:
        text = record.toUnicode().replace(SOURCE_FAMILY, SUBSET_FAMILY)
        for prefix in SOURCE_POSTSCRIPT_PREFIXES:
            text = text.replace(prefix, SUBSET_POSTSCRIPT_PREFIX)
        record.string = text
    postscript_name = f"{SUBSET_POSTSCRIPT_PREFIX}-{style}"
    cff = font["CFF "].cff
    cff.fontNames = [postscript_name]
    top = cff.topDictIndex[0]
    top.FullName = f"{SUBSET_FAMILY} {style}"
    top.FamilyName = SUBSET_FAMILY
    for font_dict in getattr(top, "FDArray", []):
        for prefix in SOURCE_POSTSCRIPT_PREFIXES:
            font_dict.FontName = font_dict.FontName.replace(prefix, SUBSET_POSTSCRIPT_PREFIX)
    return style


def subset_options() -> subset.Options:
    """fontTools options: keep every name record and hinting; drop ``locl`` (see above)."""
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.layout_features = [tag for tag in options.layout_features if tag != "locl"]
    return options


def make_subset(ttc_path: Path, output_dir: Path, required: set[int], optional: set[int]) -> Path:
    """Subset the SC face of ``ttc_path`` and write it to ``output_dir``.

    Every ``required`` code point must be in the source; ``optional`` ones (the
    punctuation blocks) are kept where the source has them.
    """
    face = simplified_chinese_face(ttc_path)
    font = TTFont(str(ttc_path), fontNumber=face, recalcTimestamp=False)
    available = set(font.getBestCmap())
    absent = sorted(required - available)
    if absent:
        listed = " ".join(f"U+{cp:04X}" for cp in absent)
        raise SystemExit(f"{ttc_path}: {len(absent)} required characters missing: {listed}")
    code_points = required | (optional & available)
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=code_points)
    subsetter.subset(font)
    style = rename(font)
    kept = set(font.getBestCmap())
    if not code_points <= kept:
        raise SystemExit(f"{ttc_path}: the subset lost code points it was asked to keep")
    output = output_dir / f"{SUBSET_FILE_PREFIX}-{style}.otf"
    font.save(str(output))
    print(f"{output}: {len(kept)} characters, {output.stat().st_size:,} bytes")
    return output


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--ttc",
        type=Path,
        action="append",
        help="a Noto Sans CJK collection (repeat for each weight); "
        f"default: {', '.join(str(p) for p in DEFAULT_SOURCES)}",
    )
    parser.add_argument(
        "--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR, help="default: %(default)s"
    )
    parser.add_argument(
        "--repo", type=Path, default=REPO_ROOT, help="checkout to scan for Han characters"
    )
    args = parser.parse_args(argv)

    repo_han = han_in_files(args.repo / name for name in SCANNED_DIRS)
    required = gb2312_level1_hanzi() | repo_han
    optional = {cp for block in FIXED_RANGES for cp in block}
    print(f"{len(repo_han)} Han characters in the repository's text files")

    args.output_dir.mkdir(parents=True, exist_ok=True)
    for ttc_path in args.ttc or DEFAULT_SOURCES:
        make_subset(ttc_path, args.output_dir, required, optional)
    return 0


if __name__ == "__main__":
    sys.exit(main())
