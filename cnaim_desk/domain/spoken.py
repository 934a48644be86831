"""How the calling board says a call aloud (DESIGN.md, "Calling board").

A call is said the way people say it: the service letter, then the number without its
leading zeros ("A023" is "A twenty-three"), then the counter. Portuguese and English are
written out in words here, so a voice never reads "A" as the Portuguese article nor "023"
digit by digit; the letters get their Portuguese names. The holder languages use the
``board_call`` text of ``resources/text`` (:data:`CALL_TEXT_ID`), with the letter and
digits left for the voice of that language to read.
"""

from __future__ import annotations

import re

from cnaim_desk.domain.holder_text import HolderTexts

#: The languages every call is spoken in, in this order.
SPOKEN_LANGUAGES = ("pt", "en")
#: The holder text announcing a call, with ``{code}`` and ``{counter}``.
CALL_TEXT_ID = "board_call"
#: Numbers said in words, up to this one. Ticket numbers pass 999 on a busy day when
#: reception desks share the range (``numbering.py``: slot 1 issues 100-199, then 1100-1199).
LARGEST_SAID = 999_999

_CODE = re.compile(r"([A-Z])([0-9]+)")
_DIGITS = re.compile(r"[0-9]+")

_CALL = {
    "pt": "Senha {code}, balcão {counter}.",
    "en": "Ticket {code}, counter {counter}.",
}
_COUNTER = {"pt": "balcão {counter}", "en": "counter {counter}"}

#: The names of the letters, so a Portuguese voice says "senha á", not the article "a".
PT_LETTERS = {
    "A": "á",
    "B": "bê",
    "C": "cê",
    "D": "dê",
    "E": "é",
    "F": "éfe",
    "G": "guê",
    "H": "agá",
    "I": "i",
    "J": "jota",
    "K": "capa",
    "L": "éle",
    "M": "éme",
    "N": "éne",
    "O": "ó",
    "P": "pê",
    "Q": "quê",
    "R": "érre",
    "S": "ésse",
    "T": "tê",
    "U": "u",
    "V": "vê",
    "W": "dâblio",
    "X": "xis",
    "Y": "ípsilon",
    "Z": "zê",
}

# European Portuguese: catorze, dezasseis, dezassete, dezanove.
_PT_SMALL = (
    "zero",
    "um",
    "dois",
    "três",
    "quatro",
    "cinco",
    "seis",
    "sete",
    "oito",
    "nove",
    "dez",
    "onze",
    "doze",
    "treze",
    "catorze",
    "quinze",
    "dezasseis",
    "dezassete",
    "dezoito",
    "dezanove",
)
_PT_TENS = (
    "_",
    "_",
    "vinte",
    "trinta",
    "quarenta",
    "cinquenta",
    "sessenta",
    "setenta",
    "oitenta",
    "noventa",
)
_PT_HUNDREDS = (
    "_",
    "cento",
    "duzentos",
    "trezentos",
    "quatrocentos",
    "quinhentos",
    "seiscentos",
    "setecentos",
    "oitocentos",
    "novecentos",
)

_EN_SMALL = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = ("_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _check_language(language: str) -> None:
    if language not in SPOKEN_LANGUAGES:
        raise ValueError(
            f"calls are written out in {' and '.join(SPOKEN_LANGUAGES)} only, not {language!r}"
        )


def _pt_hundreds(number: int) -> str:
    """1..999: every part joined by "e" (cento e vinte e três)."""
    if number == 100:
        return "cem"
    hundreds, rest = divmod(number, 100)
    parts = [_PT_HUNDREDS[hundreds]] if hundreds else []
    if rest >= 20:
        tens, units = divmod(rest, 10)
        parts.append(_PT_TENS[tens])
        if units:
            parts.append(_PT_SMALL[units])
    elif rest:
        parts.append(_PT_SMALL[rest])
    return " e ".join(parts)


def _pt_words(number: int) -> str:
    if number < 1000:
        return _pt_hundreds(number) if number else _PT_SMALL[0]
    thousands, rest = divmod(number, 1000)
    head = "mil" if thousands == 1 else f"{_pt_hundreds(thousands)} mil"
    if not rest:
        return head
    # "e" after mil only before a last group: mil e vinte, mil e cem, but mil cento e um.
    joiner = " e " if rest < 100 or rest % 100 == 0 else " "
    return head + joiner + _pt_hundreds(rest)


def _en_hundreds(number: int) -> str:
    """1..999, British: one hundred and one, twenty-three."""
    hundreds, rest = divmod(number, 100)
    if rest >= 20:
        tens, units = divmod(rest, 10)
        tail = _EN_TENS[tens] + (f"-{_EN_SMALL[units]}" if units else "")
    else:
        tail = _EN_SMALL[rest] if rest else ""
    if not hundreds:
        return tail
    head = f"{_EN_SMALL[hundreds]} hundred"
    return f"{head} and {tail}" if tail else head


def _en_words(number: int) -> str:
    if number < 1000:
        return _en_hundreds(number) if number else _EN_SMALL[0]
    thousands, rest = divmod(number, 1000)
    head = f"{_en_hundreds(thousands)} thousand"
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + _en_hundreds(rest)


def number_words(number: int, language: str) -> str:
    """``number`` (0 to :data:`LARGEST_SAID`) in words, in European Portuguese or English."""
    _check_language(language)
    if not 0 <= number <= LARGEST_SAID:
        raise ValueError(f"numbers are said from 0 to {LARGEST_SAID}, not {number}")
    return _pt_words(number) if language == "pt" else _en_words(number)


def _parts(code: str) -> tuple[str, int] | None:
    match = _CODE.fullmatch(code)
    if match is None or int(match[2]) > LARGEST_SAID:
        return None
    return match[1], int(match[2])


def spoken_code(code: str, language: str) -> str:
    """A ticket code as people say it: "A023" is "á vinte e três" / "A twenty-three".

    A code of another shape is said as it is written."""
    _check_language(language)
    parts = _parts(code)
    if parts is None:
        return code
    letter, number = parts
    name = PT_LETTERS[letter] if language == "pt" else letter
    return f"{name} {number_words(number, language)}"


def counter_number(desk: str) -> str:
    """What identifies a counter aloud: the number in its desk id or name ("C4" and
    "Balcão 4" give "4"; the last group of digits when there are several), else the id
    or name as it is."""
    numbers = _DIGITS.findall(desk)
    return numbers[-1] if numbers else desk.strip()


def _counter_words(desk: str, language: str) -> str:
    number = counter_number(desk)
    if number.isascii() and number.isdigit() and int(number) <= LARGEST_SAID:
        return number_words(int(number), language)
    return number


def spoken_counter(desk: str, language: str) -> str:
    """ "balcão quatro" / "counter four" for "C4"; a counter without a number keeps its
    name: "balcão Receção"."""
    _check_language(language)
    return _COUNTER[language].format(counter=_counter_words(desk, language))


def spoken_call(code: str, counter: str, language: str) -> str:
    """The sentence a voice says for a call, in Portuguese or English:
    "Senha á vinte e três, balcão quatro." A recall is said with the same words."""
    _check_language(language)
    return _CALL[language].format(
        code=spoken_code(code, language), counter=_counter_words(counter, language)
    )


def holder_spoken_call(texts: HolderTexts, code: str, counter: str, language: str) -> str:
    """The call in a holder language, from the ``board_call`` text: the code as its letter
    and its number without leading zeros ("A 23"), the counter's number ("4"), both left
    for that language's voice to read."""
    parts = _parts(code)
    said_code = f"{parts[0]} {parts[1]}" if parts else code
    return texts.get(CALL_TEXT_ID, language, code=said_code, counter=counter_number(counter))
