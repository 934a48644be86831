"""Fixtures for the windows: a real standalone desk in a temporary folder, real widgets
on Qt's offscreen platform."""

from __future__ import annotations

import pytest

from cnaim_desk.app import DeskApp
from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.journal import Journal
from cnaim_desk.printing.fonts import install_application_font, register_fonts
from cnaim_desk.resources import resources_dir


@pytest.fixture
def fonts(qapp):
    registry = register_fonts()
    install_application_font(qapp, registry)
    return registry


@pytest.fixture
def journal(tmp_path, morning_now):
    config = DeskConfig(centre="lisboa", desk="R1", role="reception")
    opened = Journal.init_standalone(
        tmp_path / "desk", config, resources=resources_dir(), now_ms=morning_now
    )
    yield opened
    opened.close()


@pytest.fixture
def desk(qapp, journal, fonts):
    """The desk process's composition root, as `cnaim-desk` builds it."""
    app = DeskApp(qapp, journal, fonts)
    app.settings.ui_language = "en"
    app.language.switch("en")
    yield app
    for window in (app.reception, app.counter, app.board):
        if window is not None:
            window.close()
    app.bridge.shutdown()
    app.language.switch("en")  # the application outlives the test: leave no translator
    qapp.processEvents()
