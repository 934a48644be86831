"""The codes a counter records: how a service ended (``ticket finish --outcome``) and why
a person was sent to another service (``ticket refer --reason``).

They are for the day's statistics, so they say what happened, never who the person is or
what their case is about. The command line accepts other codes too; these are the ones
the counter window offers, in this order.
"""

from __future__ import annotations

#: How a service at the counter ended; the first is the usual one.
FINISH_OUTCOMES: tuple[str, ...] = (
    "served",  # what the person came for was done
    "documents_missing",  # to come back with documents
    "appointment_booked",  # a later appointment was booked
    "information_only",  # information given, nothing else to do here
    "not_competent",  # a matter this service does not handle
)

#: Why a person was sent to another service, the same ticket keeping its place in time.
REFERRAL_REASONS: tuple[str, ...] = (
    "wrong_service",  # triaged to the wrong service
    "further_matter",  # this matter done, another service needed too
    "documents",  # another service must first issue a document (e.g. a NISS)
    "interpreter",  # needs an interpreter that service has
    "other",
)
