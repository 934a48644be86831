"""Staff-interface words for the queue's values (priorities, statuses), translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cnaim_desk.domain.events import Op
from cnaim_desk.domain.tickets import NOT_NOW, Priority, TicketStatus, TransitionRefused
from cnaim_desk.journal.journal import TicketNotFound
from cnaim_desk.journal.store import WriteFailed
from cnaim_desk.printing.reference import ReferenceRefused


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


def action_label(op: Op) -> str:
    """What a refused step would have done, as in "it cannot be ___"."""
    translate = QCoreApplication.translate
    return {
        Op.CALLED: translate("Action", "called"),
        Op.RECALLED: translate("Action", "recalled"),
        Op.STARTED: translate("Action", "started"),
        Op.FINISHED: translate("Action", "finished"),
        Op.NO_SHOW: translate("Action", "marked as a no-show"),
        Op.REINSTATED: translate("Action", "reinstated"),
        Op.CANCELLED: translate("Action", "cancelled"),
        Op.REFERRED: translate("Action", "referred"),
        Op.CHECKED_IN: translate("Action", "checked in"),
    }.get(op, op.value)


def refusal_text(error: BaseException) -> str:
    """A refused action in the staff's language, when the refusal comes in parts."""
    translate = QCoreApplication.translate
    if isinstance(error, ReferenceRefused):
        return {
            "not_a_ticket": translate("Refusal", "This is not a CNAIM ticket code."),
            "forged": translate(
                "Refusal", "This ticket code is damaged or forged: it was not issued here."
            ),
            "other_centre": translate(
                "Refusal", "This ticket is from another centre ({centre}): it is not valid here."
            ).format(centre=error.value),
            "other_day": translate(
                "Refusal", "This ticket is from another day ({day}): it is not valid today."
            ).format(day=error.value),
            "empty": translate("Refusal", "Scan a ticket, or type its code."),
        }[error.kind]
    if isinstance(error, TicketNotFound) and error.ref:
        return translate("Refusal", "There is no ticket {ref} today.").format(ref=error.ref)
    if isinstance(error, TransitionRefused) and error.template == NOT_NOW:
        params = error.params
        return QCoreApplication.translate(
            "Refusal", "Ticket {code} is {status}; it cannot be {action}."
        ).format(
            code=params["code"],
            status=status_label(TicketStatus(params["status"])),
            action=action_label(Op(params["action"])),
        )
    if isinstance(error, WriteFailed):
        if error.disk_full:
            return translate(
                "Refusal",
                "The disk of this desk is full: nothing was saved. Free some space on it "
                "(or call IT support), then try again.",
            )
        return translate(
            "Refusal", "This desk's database did not take the change ({reason}): nothing was saved."
        ).format(reason=error.reason)
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return str(error)


def outcome_label(code: str) -> str:
    """The staff's words for how a service ended (``FINISH_OUTCOMES``)."""
    translate = QCoreApplication.translate
    return {
        "served": translate("Outcome", "Served: done what they came for"),
        "documents_missing": translate("Outcome", "Documents missing: to come back"),
        "appointment_booked": translate("Outcome", "A later appointment booked"),
        "information_only": translate("Outcome", "Information only"),
        "not_competent": translate("Outcome", "Not a matter for this service"),
    }.get(code, code)


def referral_label(code: str) -> str:
    """The staff's words for why a person is sent on (``REFERRAL_REASONS``)."""
    translate = QCoreApplication.translate
    return {
        "wrong_service": translate("Referral", "Sent to the wrong service"),
        "further_matter": translate("Referral", "Another matter, at that service"),
        "documents": translate("Referral", "Needs a document from that service first"),
        "interpreter": translate("Referral", "Needs that service's interpreter"),
        "other": translate("Referral", "Other reason"),
    }.get(code, code)
