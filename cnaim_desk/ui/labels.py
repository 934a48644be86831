"""Staff-interface words for the queue's values (priorities, statuses), translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cnaim_desk.domain.tickets import Priority, TicketStatus


def priority_label(priority: Priority | str | None) -> str:
    """The staff's word for a legal priority category (never shown to the public)."""
    translate = QCoreApplication.translate
    if not priority:
        return translate("Priority", "No priority")
    return {
        Priority.DISABILITY: translate("Priority", "Disability"),
        Priority.ELDERLY: translate("Priority", "Elderly (65+)"),
        Priority.PREGNANCY: translate("Priority", "Pregnancy"),
        Priority.INFANT: translate("Priority", "Child up to 2"),
    }[Priority(priority)]


def status_label(status: TicketStatus) -> str:
    translate = QCoreApplication.translate
    return {
        TicketStatus.WAITING: translate("Status", "waiting"),
        TicketStatus.CALLED: translate("Status", "called — waiting for the person"),
        TicketStatus.SERVING: translate("Status", "being served"),
        TicketStatus.DONE: translate("Status", "done"),
        TicketStatus.NO_SHOW: translate("Status", "no-show"),
        TicketStatus.CANCELLED: translate("Status", "cancelled"),
        TicketStatus.REFERRED: translate("Status", "waiting after a referral"),
        TicketStatus.CLOSED: translate("Status", "closed with the day"),
    }[status]
