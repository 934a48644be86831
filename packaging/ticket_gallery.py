"""The sample ticket in every holder language on every ticket paper: PNGs to look at
before a release, and contact sheets for the README.

Run ``python packaging/ticket_gallery.py [--out docs/tickets]``. It writes, for each
holder language and each of the 80 mm and 58 mm rolls and the A6 card, the ticket as the
receipt head draws it (``ticket-<lang>-<paper>.png``, 203 dpi), and for each paper one
contact sheet (``sheet-<paper>.png``): every language side by side, scaled down, each
under its tag and its name.

The ticket is the fullest one a receptionist gives: a family of three for Social
Security, then Health, with children for the Children Space, triaged for a social
security number, so every line a ticket can carry is drawn. Its time and the key of its
QR code are fixed, so running the script again gives the same files; the QR codes verify
nowhere. Tickets are stored in 4 shades of grey and sheets in 16, which is all they need
and keeps the committed files small. With no display it draws offscreen.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import sys
from datetime import datetime
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.languages import HOLDER_LANGUAGES
from cnaim_desk.journal.desk import load_centre_profile, load_flow, load_holder_texts
from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing.fonts import FontRegistry, register_fonts
from cnaim_desk.printing.layout import Paper, TicketContent, sample_ticket, ticket_content
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.printing.render_qt import RECEIPT_DPI, render_image
from cnaim_desk.resources import resources_dir

CENTRE = "lisboa"
SERVICE = "SS"
PAPERS = (Paper.RECEIPT_80, Paper.RECEIPT_58, Paper.A6)
#: A Monday mid-morning, so the files do not change from one run to the next.
ISSUED = datetime(2026, 12, 7, 9, 40, tzinfo=LISBON)
#: A key anyone can read: the gallery's QR codes must not verify at any centre.
GALLERY_KEY = CentreKey(bytes(32))
#: Each ticket's width on a contact sheet, and the room above it for its label.
SHEET_COLUMN_PX = 240
SHEET_GAP_PX = 16
SHEET_LABEL_PX = 44
#: Shades of grey kept: a ticket's edges need few; a scaled-down sheet needs more.
TICKET_GREYS, SHEET_GREYS = 4, 16


def gallery_content(language: str) -> TicketContent:
    """The fullest sample ticket, in ``language`` (and Portuguese)."""
    resources = resources_dir()
    profile = load_centre_profile(CENTRE, resources)
    ticket = dataclasses.replace(
        sample_ticket(profile, SERVICE, language, ISSUED),
        group_size=3,
        visit=("MS",),
        children=True,
        triage=("ss_niss",),
    )
    reference = TicketReference(profile.id, ticket.day, ticket.code, ticket.id)
    return ticket_content(
        ticket,
        profile,
        load_holder_texts(resources),
        reference.encode(GALLERY_KEY),
        load_flow(CENTRE, resources),
    )


def save_grey(image: QImage, path: Path, greys: int) -> int:
    """Save ``image`` as a PNG of ``greys`` shades (2, 4 or 16: 1, 2 or 4 bits a pixel),
    keeping its dots per inch; returns the file's size."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_Grayscale8).save(buffer, "PNG")
    with Image.open(io.BytesIO(buffer.data().data())) as grey:
        step = 255 / (greys - 1)
        shades = grey.point(lambda value: round(value / step)).convert("P")
    shades.putpalette([round(level * step) for level in range(greys) for _ in range(3)])
    dpi = image.dotsPerMeterX() * 0.0254
    bits = (greys - 1).bit_length()
    shades.save(path, "PNG", bits=bits, optimize=True, dpi=(dpi, dpi))
    return path.stat().st_size


def contact_sheet(tickets: list[tuple[str, QImage]], fonts: FontRegistry) -> QImage:
    """``tickets`` side by side, each scaled to the sheet's column and labelled."""
    scaled = [
        (tag, image.scaledToWidth(SHEET_COLUMN_PX, Qt.TransformationMode.SmoothTransformation))
        for tag, image in tickets
    ]
    width = len(scaled) * (SHEET_COLUMN_PX + SHEET_GAP_PX) + SHEET_GAP_PX
    height = SHEET_LABEL_PX + max(image.height() for _, image in scaled) + SHEET_GAP_PX
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    names = {language.tag: language.native_name for language in HOLDER_LANGUAGES}
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        for index, (tag, image) in enumerate(scaled):
            left = SHEET_GAP_PX + index * (SHEET_COLUMN_PX + SHEET_GAP_PX)
            font = fonts.font_for_language(tag, bold=True)
            font.setPixelSize(20)
            painter.setFont(font)
            painter.setPen(QColor("black"))
            label = QRectF(left, 0, SHEET_COLUMN_PX, SHEET_LABEL_PX)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{tag} · {names[tag]}")
            painter.drawImage(left, SHEET_LABEL_PX, image)
            # A thin frame shows where each ticket's paper ends.
            painter.setPen(QColor("#9a9a9a"))
            painter.drawRect(left - 1, SHEET_LABEL_PX - 1, image.width() + 1, image.height() + 1)
    finally:
        painter.end()
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/tickets"), help="output folder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    fonts = register_fonts()
    contents = {language.tag: gallery_content(language.tag) for language in HOLDER_LANGUAGES}
    for paper in PAPERS:
        drawn = []
        for tag, content in contents.items():
            image = render_image(content, paper, fonts, RECEIPT_DPI)
            path = args.out / f"ticket-{tag}-{paper.value}.png"
            size = save_grey(image, path, TICKET_GREYS)
            print(f"{path}  {image.width()}×{image.height()} px  {size // 1024} KB")
            drawn.append((tag, image))
        sheet = contact_sheet(drawn, fonts)
        path = args.out / f"sheet-{paper.value}.png"
        size = save_grey(sheet, path, SHEET_GREYS)
        print(f"{path}  {sheet.width()}×{sheet.height()} px  {size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
