"""Where the application's read-only files live: centre profiles, fonts, sounds, translations.

In a source checkout (and an editable install) they are the top-level ``resources/`` and
``translations/`` folders; a wheel carries them in ``cnaim_desk/_data/``. The environment
variable ``CNAIM_DESK_RESOURCES`` points elsewhere, for a centre's own copy.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _root() -> Path:
    bundled = _PACKAGE / "_data"
    if (bundled / "resources").is_dir():
        return bundled
    return _PACKAGE.parent


def resources_dir() -> Path:
    """The folder holding ``centres/``, ``fonts/``, ``sounds/`` and ``icons/``."""
    override = os.environ.get("CNAIM_DESK_RESOURCES")
    return Path(override) if override else _root() / "resources"


def translations_dir() -> Path:
    """The folder holding the Qt Linguist ``.ts`` sources and compiled ``.qm`` files."""
    return _root() / "translations"


def resource(*parts: str) -> Path:
    """Path of a file below :func:`resources_dir`."""
    return resources_dir().joinpath(*parts)
