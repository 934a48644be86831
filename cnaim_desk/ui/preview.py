"""A ticket on screen exactly as it prints: the same drawing, on the desk's paper."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, SlipContent, TicketContent
from cnaim_desk.printing.render_qt import geometry_image, page_geometry

#: Drawn a little larger than life, to be read on a desk screen.
PREVIEW_DPI = 150


def paper_name(paper: Paper) -> str:
    """The paper in the staff's words."""
    translate = QCoreApplication.translate
    return {
        Paper.RECEIPT_80: translate("Paper", "80 mm receipt roll"),
        Paper.RECEIPT_58: translate("Paper", "58 mm receipt roll"),
        Paper.A6: translate("Paper", "A6 card (105 × 148 mm)"),
        Paper.A4: translate("Paper", "A4 sheet"),
    }[paper]


class TicketPreviewDialog(QDialog):
    """The ticket as the printer will get it; Enter prints it again (the dialog is
    accepted), Esc closes."""

    def __init__(
        self,
        content: TicketContent | SlipContent,
        paper: Paper,
        fonts: FontRegistry,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        geometry = page_geometry(content, paper, fonts)
        image = geometry_image(geometry, PREVIEW_DPI)
        self.image = image
        layout = QVBoxLayout(self)
        self.paper_label = QLabel(self)
        self.paper_label.setText(
            self.tr("{paper}: {width:.0f} × {height:.0f} mm").format(
                paper=paper_name(paper), width=geometry.width_mm, height=geometry.height_mm
            )
        )
        layout.addWidget(self.paper_label)
        picture = QLabel(self)
        picture.setPixmap(QPixmap.fromImage(image))
        picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        code = content.code if isinstance(content, TicketContent) else ""
        picture.setAccessibleName(self.tr("Ticket {code} as printed").format(code=code))
        scroll = QScrollArea(self)
        scroll.setWidget(picture)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #808080; }")
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("Print again (Enter)"), self)
        self.print_button.setDefault(True)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Close (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Ticket {code}: preview").format(code=code))
        self.resize(image.width() + 80, min(image.height() + 140, 900))
