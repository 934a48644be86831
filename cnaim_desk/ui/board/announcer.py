"""The calling board's announcements: a chime, then the call spoken in Portuguese and in
English, and in the holder's language too where the centre turns that on (DESIGN.md,
"Calling board").

Announcements wait their turn: each starts only once the one before has finished, its
chime played out and every text spoken, so a call never cuts another off. Where the
machine has no audio output or no speech engine, the board stays silent and says so in a
small notice, never in a dialog.

Speaking the holder's language is off by default: hearing a call in Bengali tells the
whole room the nationality of the person who stands up.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import wave
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, QUrl, Signal

from cnaim_desk.domain.holder_text import HolderTexts
from cnaim_desk.domain.languages import LANGUAGE_TAGS
from cnaim_desk.domain.spoken import SPOKEN_LANGUAGES, holder_spoken_call, spoken_call
from cnaim_desk.journal.desk import DeskSetupError, load_holder_texts

if TYPE_CHECKING:  # loaded only where there is sound to make: the media backend is big
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

NO_AUDIO = (
    "Sem som: este computador não tem saída de áudio · No sound: this computer has no audio output"
)
NO_SPEECH = (
    "Sem voz: este computador não tem motor de fala · No voice: this computer has no speech engine"
)

#: The locale wanted for each language's voice. Never QLocale("pt") (Brazilian) nor
#: QLocale("zh-Hans") (plain "zh"): STACK-NOTES.md.
VOICE_LOCALES = {
    "pt": "pt_PT",
    "en": "en_GB",
    "es": "es_ES",
    "fr": "fr_FR",
    "hi": "hi_IN",
    "ne": "ne_NP",
    "bn": "bn_BD",
    "ur": "ur_PK",
    "pa": "pa_IN",
    "uk": "uk_UA",
    "ru": "ru_RU",
    "ar": "ar_SA",
    "zh-Hans": "zh_CN",
}

#: Programs that play a sound file on Linux (PipeWire, PulseAudio, ALSA), tried in turn.
#: One of them plays the chime in a process of its own: Qt's media backend would add
#: about 14 MB (FFmpeg) to every board for one short sound. Elsewhere, or with none of
#: them installed, Qt plays it (QSoundEffect).
SOUND_PLAYERS = ("pw-play", "paplay", "aplay")
CHIME_GUARD_MS = 1000  # beyond the chime's own length, in case its end is never signalled
DEFAULT_CHIME_MS = 2000  # when the file's length cannot be read
# A stuck engine must not hold the queue for ever; a real voice takes well under a
# tenth of a second a character.
SPEECH_TIMEOUT_MS = 8000
SPEECH_TIMEOUT_PER_CHARACTER_MS = 200


@dataclass(frozen=True, slots=True)
class _Step:
    """One part of an announcement: the chime (no text) or one text in one language."""

    language: str = ""
    text: str = ""

    @property
    def is_chime(self) -> bool:
        return not self.text


class Announcer(QObject):
    """Plays the board's announcements one after the other.

    Signals:
        noticeChanged(str): the notice changed (empty when sound works).
        announced(list): the texts of a call just announced, in speaking order; sent in
            silent mode too, where nothing is played.
        chimed(): the chime's turn came and it went to the sound output (which may still
            fail to play it: the announcement then goes straight on to the speech).
        spoken(str, str): a text went to the speech engine, with the name of the locale
            of the voice saying it ("en_GB").
        idle(): the last waiting announcement has finished.
    """

    noticeChanged = Signal(str)  # noqa: N815 - named like Qt's own notify signals
    announced = Signal(list)
    chimed = Signal()
    spoken = Signal(str, str)
    idle = Signal()

    def __init__(
        self,
        resources: Path,
        *,
        speak_holder_language: bool = False,
        engine: str | None = None,
        audio_outputs: Callable[[], Sequence[object]] | None = None,
        texts: HolderTexts | None = None,
        rate: float = 0.0,
        parent: QObject | None = None,
    ):
        """``resources`` holds ``sounds/chime.wav`` and the holder texts (used only when
        the holder's language is spoken, unless ``texts`` gives them). ``engine`` names a
        QTextToSpeech engine (None: Qt's default); ``audio_outputs`` lists the machine's
        audio outputs (default: QMediaDevices.audioOutputs); ``rate`` is the speech rate,
        -1.0 to 1.0, 0 being the voice's own pace."""
        super().__init__(parent)
        self._resources = resources
        self._speak_holder_language = speak_holder_language
        self._texts = texts
        self._steps: deque[_Step] = deque()
        self._current: _Step | None = None
        self._speaking = False  # the engine said it started on the current text
        self._notice = ""
        self._told: set[str] = set()  # what was already logged once
        self._speech: QTextToSpeech | None = None
        self._chime: QSoundEffect | None = None
        self._player: QProcess | None = None  # an outside program playing the chime

        self._next = QTimer(self, singleShot=True, interval=0)
        self._next.timeout.connect(self._advance)
        self._watchdog = QTimer(self, singleShot=True)
        self._watchdog.timeout.connect(self._overdue)

        outputs = (audio_outputs or machine_audio_outputs)()
        if not outputs:
            log.info("no audio output: the board announces calls silently")
            self._notice = NO_AUDIO
            return
        self._speech = self._make_speech(engine)
        if self._speech is None:
            self._notice = NO_SPEECH
            return
        self._speech.setRate(max(-1.0, min(1.0, rate)))
        self._speech.stateChanged.connect(self._speech_state)
        self._default_locale = self._speech.locale()
        self._chime_path = resources / "sounds" / "chime.wav"
        self._chime_ms = _length_ms(self._chime_path)
        player = sound_player()
        if player is not None:
            self._player = QProcess(self)
            self._player.setProgram(player)
            self._player.setArguments([str(self._chime_path)])
            self._player.finished.connect(self._chime_played)
            self._player.errorOccurred.connect(self._chime_failed)
            return
        from PySide6.QtMultimedia import QSoundEffect

        self._chime = QSoundEffect(self)
        self._chime.statusChanged.connect(self._chime_status)
        self._chime.playingChanged.connect(self._chime_playing)
        self._chime.setSource(QUrl.fromLocalFile(str(self._chime_path)))

    # -- what the board reads --------------------------------------------------------

    @property
    def notice(self) -> str:
        """Why the board is silent, in Portuguese and English; empty when sound works."""
        return self._notice

    @property
    def silent(self) -> bool:
        return bool(self._notice)

    @property
    def queued(self) -> list[str]:
        """The texts waiting to be spoken, in order (not the one being spoken)."""
        return [step.text for step in self._steps if not step.is_chime]

    @property
    def busy(self) -> bool:
        """Whether an announcement is playing or waiting."""
        return self._current is not None or bool(self._steps)

    @property
    def speak_holder_language(self) -> bool:
        return self._speak_holder_language

    def set_speak_holder_language(self, on: bool) -> None:
        """The centre's setting; applies to the calls announced from now on."""
        self._speak_holder_language = on

    # -- announcing --------------------------------------------------------------------

    def announce(
        self,
        code: str,
        counter: str,
        holder_language: str | None = None,
        recall: bool = False,
    ) -> None:
        """Queue a call: the chime, the Portuguese and English texts, then the holder's
        language when the centre speaks it. A recall is said again in full, in the same
        words. Returns at once; the announcement starts when the ones before have
        finished."""
        texts = [(language, spoken_call(code, counter, language)) for language in SPOKEN_LANGUAGES]
        extra = self._holder_text(code, counter, holder_language)
        if extra is not None:
            texts.append(extra)
        log.debug("%s %s at %s: %s", "recall" if recall else "call", code, counter, texts)
        self.announced.emit([text for _, text in texts])
        if self.silent:
            return
        self._steps.append(_Step())
        self._steps.extend(_Step(language, text) for language, text in texts)
        if self._current is None:
            self._next.start()

    def stop(self) -> None:
        """Silence at once and forget the announcements waiting, as when the board
        closes. The only way one announcement is ever cut short."""
        self._steps.clear()
        self._current = None
        self._next.stop()
        self._watchdog.stop()
        self._stop_chime()
        if self._speech is not None:
            self._speech.stop()

    def _stop_chime(self) -> None:
        if self._chime is not None:
            self._chime.stop()
        if self._player is not None and self._player.state() != QProcess.ProcessState.NotRunning:
            self._player.kill()
            self._player.waitForFinished(1000)

    def _holder_text(self, code: str, counter: str, language: str | None) -> tuple[str, str] | None:
        if not self._speak_holder_language or language is None or language in SPOKEN_LANGUAGES:
            return None
        if language not in LANGUAGE_TAGS:
            log.warning("not speaking the call in %r: not a holder language", language)
            return None
        if self._texts is None:
            try:
                self._texts = load_holder_texts(self._resources)
            except DeskSetupError as error:
                self._once("texts", "cannot speak holder languages: %s", error)
                return None
        return language, holder_spoken_call(self._texts, code, counter, language)

    # -- playing, one step at a time ---------------------------------------------------

    def _advance(self) -> None:
        self._watchdog.stop()
        self._current = None
        while self._steps and not self.silent:
            step = self._steps.popleft()
            if step.is_chime:
                self._current = step
                self._play_chime()
                return
            locale = self._voice_locale(step.language)
            if locale is None:
                continue
            self._current = step
            self._say(step.text, locale)
            return
        self._steps.clear()
        self.idle.emit()

    def _finish(self, step: _Step) -> None:
        """``step`` is over: go on with the next one (later, not inside Qt's signal)."""
        if self._current is step:
            self._watchdog.stop()
            self._current = None
            self._next.start()

    def _play_chime(self) -> None:
        self.chimed.emit()
        if self._player is not None:
            self._watchdog.start(self._chime_ms + CHIME_GUARD_MS)
            self._player.start()
            return
        assert self._chime is not None
        if self._chime.status() == type(self._chime).Status.Error:
            self._finish(self._current)
            return
        self._watchdog.start(self._chime_ms + CHIME_GUARD_MS)
        self._chime.play()

    def _chime_played(self, code: int, _status: object = None) -> None:
        if code != 0:
            self._once(
                "player", "%s could not play the chime (exit %s)", self._player.program(), code
            )
        if self._current is not None and self._current.is_chime:
            self._finish(self._current)

    def _chime_failed(self, _error: object) -> None:
        self._once(
            "player", "cannot run %s: %s", self._player.program(), self._player.errorString()
        )
        if self._current is not None and self._current.is_chime:
            self._finish(self._current)

    def _chime_playing(self) -> None:
        if self._current is not None and self._current.is_chime and not self._chime.isPlaying():
            self._finish(self._current)

    def _chime_status(self) -> None:
        if self._chime.status() != type(self._chime).Status.Error:
            return
        self._once("chime", "cannot play the chime %s; calls are spoken only", self._chime_path)
        if self._current is not None and self._current.is_chime:
            self._finish(self._current)

    def _say(self, text: str, locale: QLocale) -> None:
        assert self._speech is not None
        if self._speech.locale() != locale:
            self._speech.setLocale(locale)
        self._watchdog.start(SPEECH_TIMEOUT_MS + SPEECH_TIMEOUT_PER_CHARACTER_MS * len(text))
        self._speaking = False
        self.spoken.emit(text, self._speech.locale().name())
        self._speech.say(text)

    def _speech_state(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        current = self._current
        if state == QTextToSpeech.State.Error:
            log.warning("the speech engine failed: %s", self._speech.errorString())
            self._set_notice(NO_SPEECH)
            self._steps.clear()
            if current is not None:
                self._finish(current)
        elif current is None or current.is_chime:
            return
        elif state == QTextToSpeech.State.Speaking:
            self._speaking = True
        elif state == QTextToSpeech.State.Ready and self._speaking:
            # Ready before Speaking is the end of an earlier text, stopped late
            self._finish(current)

    def _overdue(self) -> None:
        step = self._current
        if step is None:
            return
        if step.is_chime:
            log.debug("the chime's end was not signalled; going on")
            self._stop_chime()
        else:
            log.warning("the speech engine did not finish %r in time; going on", step.text)
            self._current = None  # the stop below reports Ready: not a second finish
            self._speech.stop()
            self._current = step
        self._finish(step)

    # -- voices ------------------------------------------------------------------------

    def _voice_locale(self, language: str) -> QLocale | None:
        """The engine's locale for ``language``: the wanted one (pt_PT, en_GB, ...),
        else another of the same language and script (pt_BR). Portuguese and English
        fall back on the engine's default voice; a holder language without a voice is
        not spoken."""
        assert self._speech is not None
        wanted = QLocale(VOICE_LOCALES[language])
        available = self._speech.availableLocales()
        if wanted in available:
            return wanted
        for locale in available:
            if locale.language() == wanted.language() and locale.script() == wanted.script():
                return locale
        if language in SPOKEN_LANGUAGES:
            self._once(
                language,
                "no voice for %s in the speech engine %r: saying it with the default voice (%s)",
                language,
                self._speech.engine(),
                self._default_locale.name(),
            )
            return self._default_locale
        self._once(language, "no voice for %s: the call is not spoken in it", language)
        return None

    # -- silence -----------------------------------------------------------------------

    def _make_speech(self, engine: str | None) -> QTextToSpeech | None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = QTextToSpeech.availableEngines()
        if not engines or (engine is not None and engine not in engines):
            log.warning("no speech engine %s (found: %s)", engine or "", ", ".join(engines))
            return None
        speech = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        if speech.state() == QTextToSpeech.State.Error:
            log.warning("the speech engine %r failed: %s", speech.engine(), speech.errorString())
            speech.deleteLater()
            return None
        return speech

    def _set_notice(self, notice: str) -> None:
        if notice != self._notice:
            self._notice = notice
            self.noticeChanged.emit(notice)

    def _once(self, key: str, message: str, *args: object) -> None:
        if key not in self._told:
            self._told.add(key)
            log.warning(message, *args)


def _length_ms(path: Path) -> int:
    """How long the sound at ``path`` lasts."""
    try:
        with wave.open(str(path), "rb") as sound:
            return round(1000 * sound.getnframes() / sound.getframerate())
    except (OSError, EOFError, wave.Error):
        return DEFAULT_CHIME_MS


def machine_audio_outputs() -> Sequence[object]:
    """The machine's audio outputs (QMediaDevices), or none without asking Qt where Linux
    plainly has no sound: no sound card's playback device and no sound server; on Linux
    with sound and a sound player, that player. Asking Qt loads its media backend (FFmpeg,
    about 14 MB), which a board is spared whenever it can be."""
    if sys.platform.startswith("linux"):
        if not _linux_may_play_sound():
            return []
        player = sound_player()
        if player is not None:  # it finds the output itself: no need to load Qt's backend
            return [player]
    from PySide6.QtMultimedia import QMediaDevices

    return QMediaDevices.audioOutputs()


def _linux_may_play_sound() -> bool:
    if any(Path("/dev/snd").glob("pcmC*D*p")):  # an ALSA playback device
        return True
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    return (runtime / "pulse" / "native").exists() or (runtime / "pipewire-0").exists()


def sound_player() -> str | None:
    """The program that plays the chime here, or None to let Qt play it."""
    if not sys.platform.startswith("linux"):
        return None
    for name in SOUND_PLAYERS:
        found = shutil.which(name)
        if found is not None:
            return found
    return None
