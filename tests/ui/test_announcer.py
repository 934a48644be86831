"""The board's announcements, with Qt's own mock speech engine: what is queued and in what
order, one announcement never cutting another off, recalls, the holder's language only
when the centre asks for it, a stuck engine, and a machine without sound."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtMultimedia import QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QApplication, QDialog

from cnaim_desk.domain.spoken import spoken_call
from cnaim_desk.resources import resources_dir
from cnaim_desk.ui.board import announcer as announcer_module
from cnaim_desk.ui.board.announcer import NO_AUDIO, NO_SPEECH, Announcer

# This machine's tests run without sound: with an audio output claimed present, Qt finds
# no device to play the chime on and says so. The announcer goes on to the speech.
pytestmark = pytest.mark.qt_log_ignore(
    r"QSoundEffect: playback of this format is not supported on the selected audio device"
)

A_PT = spoken_call("A023", "C4", "pt")
A_EN = spoken_call("A023", "C4", "en")
B_PT = spoken_call("B101", "C12", "pt")
B_EN = spoken_call("B101", "C12", "en")
SPANISH_A = "Turno A 23, ventanilla 4"
SOME_OUTPUT = ["an audio output"]


@pytest.fixture
def make(qtbot):
    """``make(**options)``: an announcer on the mock engine, at its fastest pace, on a
    machine said to have an audio output; stopped at the end of the test."""
    made: list[Announcer] = []

    def build(**options: object) -> Announcer:
        options = {"engine": "mock", "audio_outputs": lambda: SOME_OUTPUT, "rate": 1.0} | options
        announcer = Announcer(resources_dir(), **options)
        chime = announcer.findChild(QSoundEffect)
        if chime is not None:  # the chime file is read before the test goes on
            qtbot.waitUntil(lambda: chime.status() != QSoundEffect.Status.Loading)
        made.append(announcer)
        return announcer

    yield build
    for announcer in made:
        announcer.stop()
        assert not announcer.busy
        announcer.deleteLater()
    QApplication.processEvents()


class Timeline:
    """What an announcer and its speech engine did, in order."""

    def __init__(self, announcer: Announcer):
        self.events: list[tuple] = []
        self.engine = announcer.findChild(QTextToSpeech)
        announcer.chimed.connect(lambda: self.events.append(("chime",)))
        announcer.spoken.connect(self._spoken)
        if self.engine is not None:
            self.engine.stateChanged.connect(lambda state: self.events.append((state,)))

    def _spoken(self, text: str, locale: str) -> None:
        # the engine's state when the text was handed to it
        self.events.append(("said", text, locale, self.engine.state()))

    @property
    def said(self) -> list[str]:
        return [event[1] for event in self.events if event[0] == "said"]


def finished(qtbot, announcer: Announcer) -> None:
    with qtbot.waitSignal(announcer.idle, timeout=10_000):
        pass


def test_a_call_is_queued_as_chime_then_portuguese_then_english(make, qtbot):
    announcer = make()
    timeline = Timeline(announcer)
    assert announcer.notice == ""
    with qtbot.waitSignal(announcer.announced) as told:
        announcer.announce("A023", "C4")
    assert told.args == [[A_PT, A_EN]]
    assert announcer.queued == [A_PT, A_EN]
    assert A_PT == "Senha á vinte e três, balcão quatro."
    assert A_EN == "Ticket A twenty-three, counter four."
    finished(qtbot, announcer)
    assert announcer.queued == []
    ready, speaking = QTextToSpeech.State.Ready, QTextToSpeech.State.Speaking
    assert timeline.events == [
        ("chime",),
        ("said", A_PT, "en_GB", ready),  # the mock has no Portuguese: its default voice
        (speaking,),
        (ready,),
        ("said", A_EN, "en_GB", ready),
        (speaking,),
        (ready,),
    ]


def test_a_second_call_waits_until_the_first_has_been_said_in_full(make, qtbot):
    announcer = make()
    timeline = Timeline(announcer)
    with qtbot.waitSignal(announcer.spoken) as first:
        announcer.announce("A023", "C4")
    assert first.args[0] == A_PT
    assert timeline.engine.state() == QTextToSpeech.State.Speaking
    announcer.announce("B101", "C12")  # while the first is being spoken
    assert announcer.queued == [A_EN, B_PT, B_EN]
    assert timeline.engine.state() == QTextToSpeech.State.Speaking
    finished(qtbot, announcer)

    assert timeline.said == [A_PT, A_EN, B_PT, B_EN]
    assert [event[0] for event in timeline.events if event[0] == "chime"] == ["chime"] * 2
    # each text went to an engine at rest, and came to its end (Ready) before the next
    # one: a text said over another would give Speaking twice with no Ready between.
    states = [event[0] for event in timeline.events if event[0] != "chime"]
    assert states == ["said", QTextToSpeech.State.Speaking, QTextToSpeech.State.Ready] * 4
    assert all(
        event[3] == QTextToSpeech.State.Ready for event in timeline.events if event[0] == "said"
    )
    # the second announcement's chime came only once the first was over
    second_chime = [i for i, event in enumerate(timeline.events) if event == ("chime",)][1]
    assert timeline.events[second_chime - 1] == (QTextToSpeech.State.Ready,)
    assert timeline.events[second_chime - 3][:2] == ("said", A_EN)


def test_a_recall_is_announced_again_in_full(make, qtbot):
    announcer = make()
    timeline = Timeline(announcer)
    announcer.announce("A023", "C4")
    announcer.announce("A023", "C4", recall=True)
    assert announcer.queued == [A_PT, A_EN, A_PT, A_EN]
    finished(qtbot, announcer)
    assert timeline.said == [A_PT, A_EN, A_PT, A_EN]
    assert timeline.events.count(("chime",)) == 2


def test_the_holder_language_is_not_spoken_unless_the_centre_turns_it_on(make):
    announcer = make()
    assert announcer.speak_holder_language is False
    announcer.announce("A023", "C4", holder_language="es")
    assert announcer.queued == [A_PT, A_EN]


def test_the_holder_language_is_queued_when_on_and_said_only_where_a_voice_exists(
    make, qtbot, caplog
):
    announcer = make(speak_holder_language=True)
    timeline = Timeline(announcer)
    announcer.announce("A023", "C4", holder_language="es")
    assert announcer.queued == [A_PT, A_EN, SPANISH_A]
    with caplog.at_level(logging.WARNING, logger=announcer_module.__name__):
        finished(qtbot, announcer)
    # Qt's mock engine speaks English, Norwegian and Finnish only: no Spanish voice
    assert timeline.said == [A_PT, A_EN]
    assert "no voice for es" in caplog.text


def test_portuguese_and_english_holders_hear_their_language_once(make):
    announcer = make(speak_holder_language=True)
    announcer.announce("A023", "C4", holder_language="en")
    announcer.announce("B101", "C12", holder_language="pt")
    assert announcer.queued == [A_PT, A_EN, B_PT, B_EN]


def test_the_holder_language_setting_applies_to_the_next_calls(make):
    announcer = make()
    announcer.announce("B101", "C12", holder_language="es")
    announcer.set_speak_holder_language(True)
    announcer.announce("A023", "C4", holder_language="es")
    assert announcer.queued == [B_PT, B_EN, A_PT, A_EN, SPANISH_A]


def test_an_unknown_holder_language_is_left_out_without_an_error(make, caplog):
    announcer = make(speak_holder_language=True)
    with caplog.at_level(logging.WARNING, logger=announcer_module.__name__):
        announcer.announce("A023", "C4", holder_language="xx")
    assert announcer.queued == [A_PT, A_EN]
    assert "not speaking the call in 'xx'" in caplog.text


def test_stopping_silences_at_once_and_forgets_what_waits(make, qtbot):
    announcer = make()
    with qtbot.waitSignal(announcer.spoken):
        announcer.announce("A023", "C4")
    announcer.announce("B101", "C12")
    announcer.stop()
    assert announcer.queued == []
    assert not announcer.busy
    assert announcer.findChild(QTextToSpeech).state() == QTextToSpeech.State.Ready
    with qtbot.assertNotEmitted(announcer.spoken, wait=100):
        pass


def test_portuguese_without_a_voice_is_said_with_the_default_one_and_logged_once(
    make, qtbot, caplog
):
    announcer = make()
    timeline = Timeline(announcer)
    with caplog.at_level(logging.WARNING, logger=announcer_module.__name__):
        announcer.announce("A023", "C4")
        announcer.announce("B101", "C12")
        finished(qtbot, announcer)
    locales = [event[2] for event in timeline.events if event[0] == "said"]
    assert locales == ["en_GB"] * 4  # English has its own voice in the mock: en_GB, wanted
    assert caplog.text.count("no voice for pt") == 1
    assert "no voice for en" not in caplog.text


def test_a_stuck_engine_does_not_hold_the_queue(make, qtbot, caplog, monkeypatch):
    monkeypatch.setattr(announcer_module, "SPEECH_TIMEOUT_MS", 0)
    monkeypatch.setattr(announcer_module, "SPEECH_TIMEOUT_PER_CHARACTER_MS", 1)
    announcer = make(rate=-1.0)  # the mock's slowest pace, well past the watchdog
    timeline = Timeline(announcer)
    with caplog.at_level(logging.WARNING, logger=announcer_module.__name__):
        announcer.announce("A023", "C4")
        finished(qtbot, announcer)
    assert timeline.said == [A_PT, A_EN]
    assert caplog.text.count("did not finish") == 2


def test_without_an_audio_output_the_board_is_silent_with_a_notice(make, qtbot):
    announcer = make(audio_outputs=list)
    timeline = Timeline(announcer)
    assert announcer.silent
    assert announcer.notice == NO_AUDIO
    assert "Sem som" in announcer.notice
    assert "No sound" in announcer.notice
    assert announcer.findChild(QTextToSpeech) is None
    assert announcer.findChild(QSoundEffect) is None
    with qtbot.waitSignal(announcer.announced) as told:
        announcer.announce("A023", "C4")
    assert told.args == [[A_PT, A_EN]]  # recorded, not played
    assert announcer.queued == []
    assert not announcer.busy
    with (
        qtbot.assertNotEmitted(announcer.spoken, wait=200),
        qtbot.assertNotEmitted(announcer.chimed),
    ):
        announcer.announce("B101", "C12", recall=True)
    assert timeline.events == []
    assert QApplication.activeModalWidget() is None
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]


def test_without_a_speech_engine_the_board_is_silent_with_its_own_notice(make, qtbot):
    assert "no-such-engine" not in QTextToSpeech.availableEngines()
    announcer = make(engine="no-such-engine")
    assert announcer.notice == NO_SPEECH
    assert "No voice" in announcer.notice
    with qtbot.assertNotEmitted(announcer.spoken, wait=100):
        announcer.announce("A023", "C4")
    assert announcer.queued == []
    assert QApplication.activeModalWidget() is None


def test_a_machine_without_sound_is_known_without_loading_the_media_backend(monkeypatch, tmp_path):
    """No ALSA playback device and no sound server: silent, and Qt's media backend (some
    14 MB) is never loaded. A sound server's socket is enough to ask Qt."""
    from pathlib import Path

    from cnaim_desk.ui.board import announcer

    card = any(Path("/dev/snd").glob("pcmC*D*p"))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert announcer._linux_may_play_sound() is card
    (tmp_path / "pulse").mkdir()
    (tmp_path / "pulse" / "native").touch()
    assert announcer._linux_may_play_sound() is True


def test_on_linux_a_sound_player_plays_the_chime_and_the_speech_waits_for_it(
    qtbot, make, monkeypatch, tmp_path
):
    """pw-play, paplay or aplay plays the chime in a process of its own (Qt's media
    backend is spared); the Portuguese text is said only once that process has ended."""
    played = tmp_path / "played"
    player = tmp_path / "paplay"
    player.write_text(
        f'#!/bin/sh\necho "$@" > {played}.part\nsleep 0.4\nmv {played}.part {played}\n'
    )
    player.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    announcer = make()
    assert announcer.findChild(QSoundEffect) is None  # no media backend loaded for it
    said: list[str] = []
    announcer.spoken.connect(lambda text, _locale: said.append(text))
    announcer.announce("A023", "C4")
    qtbot.waitUntil(lambda: (tmp_path / "played.part").exists() or played.exists())
    assert said == []  # still chiming
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert played.read_text().strip() == str(resources_dir() / "sounds" / "chime.wav")
    qtbot.waitUntil(lambda: not announcer.busy, timeout=10000)
    assert said == [A_PT, A_EN]


def test_a_sound_player_that_fails_does_not_hold_up_the_call(qtbot, make, monkeypatch, tmp_path):
    player = tmp_path / "pw-play"
    player.write_text("#!/bin/sh\nexit 1\n")
    player.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    announcer = make()
    said: list[str] = []
    announcer.spoken.connect(lambda text, _locale: said.append(text))
    announcer.announce("A023", "C4")
    qtbot.waitUntil(lambda: not announcer.busy, timeout=10000)
    assert said == [A_PT, A_EN]
