"""The triage on screen: the arrival's language, each question in Portuguese for the
receptionist and in the arrival's language for the arrival, then the summary.

The view only shows a :class:`TriageSession`; the window turns keys into the session's
steps and calls :meth:`TriageView.refresh`. Its buttons do the same on a click.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.languages import HOLDER_LANGUAGES, holder_language
from cnaim_desk.domain.triage import TriageSession, TriageStep
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.ui.labels import priority_label

#: The key of each language on the first screen, most frequent at the centres first.
LANGUAGE_KEYS: tuple[tuple[str, str], ...] = (
    ("1", "pt"),
    ("2", "en"),
    ("3", "hi"),
    ("4", "bn"),
    ("5", "ne"),
    ("6", "pa"),
    ("7", "ur"),
    ("8", "ar"),
    ("9", "uk"),
    ("0", "ru"),
    ("Q", "zh-Hans"),
    ("W", "es"),
    ("E", "fr"),
)
assert sorted(tag for _, tag in LANGUAGE_KEYS) == sorted(lang.tag for lang in HOLDER_LANGUAGES)


RLM = "\u200f"  # RIGHT-TO-LEFT MARK


def _clear(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


class TriageView(QWidget):
    """Three pages over one triage session: language, question, summary."""

    def __init__(
        self,
        session_of: Callable[[], TriageSession],
        profile: CentreProfile,
        fonts: FontRegistry,
        on_key: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._session_of = session_of
        self._profile = profile
        self._fonts = fonts
        self._on_key = on_key
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.language_page = QWidget(self)
        language_layout = QVBoxLayout(self.language_page)
        self.language_title = QLabel(self.language_page)
        self.language_title.setProperty("role", "title")
        self.language_title.setWordWrap(True)
        language_layout.addWidget(self.language_title)
        grid = QGridLayout()
        self.language_buttons: dict[str, QPushButton] = {}
        for index, (key, tag) in enumerate(LANGUAGE_KEYS):
            language = holder_language(tag)
            button = self._key_button(key, language.native_name)
            button.setFont(fonts.font_for_language(tag))
            button.setStyleSheet("font-size: 16pt;")
            button.setAccessibleName(language.english_name)
            self.language_buttons[tag] = button
            grid.addWidget(button, index // 3, index % 3)
        language_layout.addLayout(grid)
        language_layout.addStretch(1)
        self.pages.addWidget(self.language_page)

        self.question_page = QWidget(self)
        question_layout = QVBoxLayout(self.question_page)
        self.question_staff = QLabel(self.question_page)
        self.question_staff.setProperty("role", "title")
        self.question_staff.setWordWrap(True)
        self.question_holder = QLabel(self.question_page)
        self.question_holder.setWordWrap(True)
        self.question_holder.setProperty("role", "holder")
        question_layout.addWidget(self.question_staff)
        question_layout.addWidget(self.question_holder)
        self.answers = QGridLayout()
        self._answer_boxes: list[QFrame] = []
        self._answer_columns = 0
        question_layout.addLayout(self.answers)
        question_layout.addStretch(1)
        self.pages.addWidget(self.question_page)

        self.summary_page = QWidget(self)
        summary_layout = QVBoxLayout(self.summary_page)
        self.summary_title = QLabel(self.summary_page)
        self.summary_title.setProperty("role", "title")
        summary_layout.addWidget(self.summary_title)
        self._summary_layout = summary_layout
        self.summary_content = QWidget(self.summary_page)
        summary_layout.addWidget(self.summary_content)
        summary_layout.addStretch(1)
        self.pages.addWidget(self.summary_page)
        self.pages.currentChanged.connect(self._size_by_shown_page)
        self._size_by_shown_page(self.pages.currentIndex())

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.refusal: tuple[str, str] | None = None  # (staff, holder) text of a refusal
        self.retranslate()

    def _size_by_shown_page(self, shown: int) -> None:
        """Only the page shown asks for room: a question's long answers, kept on a hidden
        page, must not widen the view (the reception would scroll sideways)."""
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == shown else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.pages.updateGeometry()

    # -- pieces --------------------------------------------------------------------------

    def _key_button(self, key: str, text: str) -> QPushButton:
        button = QPushButton(f"{key}   {text}", self)
        button.setMinimumHeight(48)
        button.setProperty("role", "service")
        # Keys drive the triage: buttons take no focus, so every key reaches the window.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False, k=key: self._on_key(k))
        return button

    def _holder_label(self, text: str, language: str, small: bool = False) -> QLabel:
        """Text for the arrival: in their language's font, large, right to left where the
        script is (leading alignment then falls on the right)."""
        rtl = holder_language(language).right_to_left
        # A right-to-left paragraph even when it opens with a Latin name (AIMA, NISS).
        label = QLabel(RLM + text if rtl else text, self)
        label.setWordWrap(True)
        label.setProperty("role", "holder-small" if small else "holder")
        label.setFont(self._fonts.font_for_language(language))
        if rtl:
            label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            label.setAlignment(
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignAbsolute
                | Qt.AlignmentFlag.AlignVCenter
            )
        return label

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.language_title.setText(self.tr("Next arrival: the person's language (press its key)"))
        self.summary_title.setText(self.tr("Summary: check with the person, then Enter"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing the session -------------------------------------------------------------

    def refresh(self) -> None:
        session = self._session_of()
        state = session.state
        if state.step == TriageStep.LANGUAGE:
            self.pages.setCurrentWidget(self.language_page)
            self.hint.setText(self.tr("F4 appointment check-in · F6 import appointments"))
        elif state.step == TriageStep.QUESTION:
            self._show_question(session)
            self.hint.setText(
                self.tr(
                    "Backspace goes back · Ctrl+Z undoes · F2 starts over with the next arrival"
                )
            )
        else:
            self._show_summary(session)
            self.hint.setText(
                self.tr("Enter issues · Backspace goes back · Ctrl+Z undoes · F2 next arrival")
            )

    def _show_question(self, session: TriageSession) -> None:
        question = session.question
        language = session.state.language or "pt"
        if question is None:
            return
        self.question_staff.setText(question.text.get("pt"))
        self.question_holder.setText(question.text.get(language))
        self.question_holder.setFont(self._fonts.font_for_language(language))
        rtl = holder_language(language).right_to_left
        self.question_holder.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.question_holder.setVisible(language != "pt")
        _clear(self.answers)
        self._answer_boxes = []
        for answer in question.answers:
            box = QFrame(self)
            box.setFrameShape(QFrame.Shape.StyledPanel)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(4, 4, 4, 4)
            button = self._key_button(answer.key, answer.label.get("pt"))
            button.setAccessibleName(answer.label.get("pt"))
            box_layout.addWidget(button)
            if language != "pt":
                box_layout.addWidget(self._holder_label(answer.label.get(language), language, True))
            self._answer_boxes.append(box)
        self._place_answers()
        self.pages.setCurrentWidget(self.question_page)

    def _place_answers(self) -> None:
        """The answers in two columns when two fit the room the view is shown in, else
        in one: long answers in two languages would otherwise make it scroll sideways."""
        boxes = self._answer_boxes
        if not boxes:
            return
        margins = self.question_page.layout().contentsMargins()
        widest = max(box.sizeHint().width() for box in boxes)
        two = 2 * widest + self.answers.horizontalSpacing() + margins.left() + margins.right()
        columns = 2 if two <= self._room() else 1
        if self._answer_columns == columns and self.answers.count() == len(boxes):
            return
        self._answer_columns = columns
        for box in boxes:
            self.answers.removeWidget(box)
        for index, box in enumerate(boxes):
            self.answers.addWidget(box, index // columns, index % columns)

    def _room(self) -> int:
        """The width the view is shown in: a scroll area's viewport, when it is in one."""
        parent = self.parentWidget()
        return parent.width() if parent is not None else self.width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place_answers()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange and self.parentWidget() is not None:
            self.parentWidget().installEventFilter(self)  # re-placed as its room changes
        return super().event(event)

    def _show_summary(self, session: TriageSession) -> None:
        state = session.state
        language = state.language or "pt"
        flow = session.flow
        # A fresh container each time: the summary's nested layouts go with the old one.
        content = QWidget(self.summary_page)
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        self._summary_layout.replaceWidget(self.summary_content, content)
        self.summary_content.deleteLater()
        self.summary_content = content
        add = body.addWidget
        for matter in state.matters:
            outcome = matter.outcome
            if outcome.service is not None:
                letter = self._profile.service(outcome.service).letter
                staff = f"{letter} · {outcome.text.get('pt')}"
            else:
                staff = self.tr("Information only — {text}").format(text=outcome.text.get("pt"))
            label = QLabel(staff, self)
            label.setWordWrap(True)
            label.setProperty("role", "title")
            add(label)
            if language != "pt":
                add(self._holder_label(outcome.text.get(language), language))
            if outcome.documents:
                heading = flow.messages.get("documents")
                grid = QGridLayout()
                grid.addWidget(QLabel(heading.get("pt") if heading else "", self), 0, 0)
                if language != "pt" and heading:
                    grid.addWidget(self._holder_label(heading.get(language), language, True), 0, 1)
                for row, document in enumerate(outcome.documents, start=1):
                    staff_line = QLabel(f"• {document.get('pt')}", self)
                    staff_line.setWordWrap(True)
                    grid.addWidget(staff_line, row, 0)
                    if language != "pt":
                        holder = self._holder_label(f"• {document.get(language)}", language, True)
                        grid.addWidget(holder, row, 1)
                body.addLayout(grid)
        extras = QLabel(self._extras_line(session), self)
        extras.setWordWrap(True)
        add(extras)
        if state.choosing:
            add(self._choices(session))
        if self.refusal is not None:
            staff_text, holder_text = self.refusal
            notice = QLabel("⚠ " + staff_text, self)
            notice.setWordWrap(True)
            notice.setProperty("role", "notice")
            add(notice)
            if language != "pt" and holder_text:
                add(self._holder_label(holder_text, language, True))
        self.pages.setCurrentWidget(self.summary_page)

    def _extras_line(self, session: TriageSession) -> str:
        state = session.state
        flow = session.flow
        parts = []
        for name, extra in flow.extras.items():
            if name == "priority":
                value = priority_label(state.priority)
            elif name == "interpreter":
                value = {
                    None: self.tr("no"),
                    "staff": self.tr("staff member"),
                    "telephone": self.tr("telephone translation"),
                }[state.interpreter]
            elif name == "children":
                value = self.tr("yes") if state.children else self.tr("no")
            elif name == "group":
                value = str(state.group_size)
            elif name == "lawyer":
                value = (
                    self.tr("yes, {n} case(s)").format(n=state.cases)
                    if state.lawyer
                    else self.tr("no")
                )
            else:
                value = self.tr("add")
            parts.append(f"[{extra.key}] {self._extra_name(name)}: {value}")
        return "   ".join(parts)

    def _extra_name(self, name: str) -> str:
        return {
            "priority": self.tr("Priority"),
            "interpreter": self.tr("Interpreter"),
            "children": self.tr("Children Space"),
            "group": self.tr("People"),
            "lawyer": self.tr("Lawyer"),
            "another": self.tr("Another matter"),
        }[name]

    def _choices(self, session: TriageSession) -> QWidget:
        state = session.state
        language = state.language or "pt"
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        name = state.choosing
        if name == "group":
            layout.addWidget(QLabel(self.tr("How many people? Press 2 to 9."), box))
            text = session.flow.extras["group"].text
            if language != "pt":
                layout.addWidget(self._holder_label(text.get(language), language, True))
            return box
        if name == "lawyer":
            layout.addWidget(QLabel(self.tr("Type the lawyer's professional number."), box))
            return box
        extra = session.flow.extras[name]
        layout.addWidget(QLabel(extra.text.get("pt"), box))
        if language != "pt":
            layout.addWidget(self._holder_label(extra.text.get(language), language, True))
        for choice in extra.choices:
            layout.addWidget(self._key_button(choice.key, choice.label.get("pt")))
            if language != "pt":
                layout.addWidget(self._holder_label(choice.label.get(language), language, True))
        return box
