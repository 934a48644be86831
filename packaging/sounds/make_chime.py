"""Make ``resources/sounds/chime.wav``, the calling board's chime before each spoken call.

Two bell-like notes, E5 (660 Hz) then A5 (880 Hz), a rising fourth that sounds like "your
turn" rather than an alarm. Each note rises softly (a 15 ms raised-cosine attack, so the
loudspeaker does not click) and dies away exponentially, with a quieter octave partial
that fades faster, as a struck bell does. The whole sound ends with a short fade to true
silence, so the last sample is zero as the first one is. It lasts 1.2 s, and is scaled so
its loudest sample is at -6 dBFS: loud enough over a waiting room, with room to spare.

Standard library only (wave, math, struct), and deterministic: the same script always
writes the same bytes.

Usage::

    python packaging/sounds/make_chime.py [--output resources/sounds/chime.wav]
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "sounds" / "chime.wav"

RATE = 44_100
DURATION = 1.2  # seconds, the whole chime
PEAK_DBFS = -6.0
ATTACK = 0.015  # seconds of raised-cosine rise at the start of each note
END_FADE = 0.08  # seconds of raised-cosine fade to silence at the very end

#: (start in seconds, frequency in Hz, relative loudness, decay time constant in seconds)
NOTES = (
    (0.00, 660.0, 1.0, 0.30),
    (0.38, 880.0, 0.9, 0.32),
)
OCTAVE_PARTIAL = 0.22  # loudness of the partial an octave up, relative to the note
OCTAVE_DECAY = 0.4  # the partial decays this much faster than the note (time constant ratio)


def _rise(t: float, length: float) -> float:
    """0 → 1 along half a cosine over ``length`` seconds: no corner at either end."""
    if t >= length:
        return 1.0
    return 0.5 - 0.5 * math.cos(math.pi * t / length)


def note(t: float, frequency: float, loudness: float, decay: float) -> float:
    """One bell-like note at ``t`` seconds after it is struck."""
    if t < 0:
        return 0.0
    phase = 2 * math.pi * frequency * t
    body = math.exp(-t / decay) * math.sin(phase)
    partial = OCTAVE_PARTIAL * math.exp(-t / (decay * OCTAVE_DECAY)) * math.sin(2 * phase)
    return loudness * _rise(t, ATTACK) * (body + partial)


def samples() -> list[float]:
    """The chime as floats, before scaling."""
    count = round(DURATION * RATE)
    out = []
    for index in range(count):
        t = index / RATE
        value = sum(note(t - start, *rest) for start, *rest in NOTES)
        out.append(value * _rise((count - 1 - index) / RATE, END_FADE))
    return out


def pcm16(values: list[float], peak_dbfs: float = PEAK_DBFS) -> bytes:
    """Scale so the loudest sample sits at ``peak_dbfs``; 16-bit little-endian."""
    loudest = max(abs(v) for v in values)
    scale = 32767 * 10 ** (peak_dbfs / 20) / loudest
    return struct.pack(f"<{len(values)}h", *(round(v * scale) for v in values))


def write_chime(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm16(samples()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the .wav to write")
    args = parser.parse_args(argv)
    write_chime(args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
