"""Make the Urdu Nastaliq fonts shipped in ``resources/fonts/``.

Maintainer tool, not a runtime dependency: it needs fontTools (``pip install fonttools``),
which the application itself never imports.

Debian's Noto Nastaliq Urdu (2.000, in fonts-noto-core) anchors its stacked letters to
points of the glyph outlines, and Qt 6 places many of them wrongly: "نمبر" ("number",
on every Urdu ticket) reads "ہبر" in bold and "جگہ" ("place") falls apart in regular.
Version 3 of the font (notofonts/nastaliq) positions them with plain coordinates, and Qt
lays it out exactly as HarfBuzz does (``tests/printing/test_fonts.py`` checks every Urdu
text of the repository against HarfBuzz's own layout when uharfbuzz is at hand, and
the known words always).

The version 3 files come from the npm registry: ``@expo-google-fonts/noto-nastaliq-urdu``
0.4.2 carries the Google Fonts build, 3.007, as static TrueType files. This script copies
the Regular and Bold files and renames the family "Noto Nastaliq Urdu Web" (name IDs 1,
3, 4, 6 and 16; PostScript names ``NotoNastaliqUrduWeb-Regular`` and ``-Bold``). The
new name keeps Qt from using Debian's 2.000 instead, which it prefers when both carry the
same family name, and marks the files as a Modified Version under the OFL; Noto reserves
no font name.

Usage::

    npm pack @expo-google-fonts/noto-nastaliq-urdu@0.4.2
    tar xzf expo-google-fonts-noto-nastaliq-urdu-0.4.2.tgz
    python packaging/fonts/make_nastaliq.py \\
        --regular package/400Regular/NotoNastaliqUrdu_400Regular.ttf \\
        --bold package/700Bold/NotoNastaliqUrdu_700Bold.ttf \\
        [--output-dir resources/fonts]

The source's timestamps are kept, so the same inputs and fontTools version give the same
bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCE_FAMILY = "Noto Nastaliq Urdu"
FAMILY = "Noto Nastaliq Urdu Web"
POSTSCRIPT_FAMILY = FAMILY.replace(" ", "")
#: The name IDs that hold the family (1, 16), the unique and full names (3, 4) and the
#: PostScript name (6).
RENAMED_IDS = (1, 3, 4, 6, 16)


def renamed(source: Path, style: str) -> TTFont:
    """The font at ``source``, its family renamed; refuses a font of another family or
    style than expected."""
    font = TTFont(source)
    names = font["name"]
    if names.getDebugName(1) != SOURCE_FAMILY or names.getDebugName(2) != style:
        raise SystemExit(f"{source} is not {SOURCE_FAMILY} {style}")
    for record in names.names:
        if record.nameID not in RENAMED_IDS:
            continue
        text = record.toUnicode()
        if record.nameID == 6:
            text = f"{POSTSCRIPT_FAMILY}-{style}"
        else:
            text = text.replace(SOURCE_FAMILY, FAMILY).replace(
                SOURCE_FAMILY.replace(" ", "") + "-", POSTSCRIPT_FAMILY + "-"
            )
        record.string = text
    return font


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regular", type=Path, required=True, help="the 400 Regular TTF")
    parser.add_argument("--bold", type=Path, required=True, help="the 700 Bold TTF")
    parser.add_argument("--output-dir", type=Path, default=REPO_ROOT / "resources" / "fonts")
    args = parser.parse_args(argv)
    for source, style in ((args.regular, "Regular"), (args.bold, "Bold")):
        font = renamed(source, style)
        target = args.output_dir / f"{POSTSCRIPT_FAMILY}-{style}.ttf"
        font.save(target, reorderTables=True)
        print(f"{target}: {FAMILY} {style}, {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
