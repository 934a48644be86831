"""First run: setting up a desk or choosing the demo."""

from __future__ import annotations

from cnaim_desk.ui.setup_dialog import SetupDialog


def test_setting_up_a_counter_desk(qtbot):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.centre.setCurrentIndex(dialog.centre.findData("norte"))
    dialog.role.setCurrentIndex(dialog.role.findData("counter"))
    qtbot.keyClicks(dialog.desk, "c4")  # typed in lower case: the id is upper case
    dialog.set_up.click()
    assert dialog.choice is not None
    config = dialog.choice.config
    assert (config.centre, config.desk, config.role) == ("norte", "C4", "counter")


def test_a_desk_id_is_required(qtbot):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.set_up.click()
    assert dialog.choice is None
    assert "desk id" in dialog.problem.text()


def test_choosing_the_demo(qtbot):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.demo.click()
    assert dialog.choice.demo
    assert dialog.choice.config is None
