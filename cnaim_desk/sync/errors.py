"""The sync's refusals, in a module of their own so the command line can name them
without loading TLS, X.509 and the rest at every start."""

from __future__ import annotations


class PkiError(Exception):
    """A certificate, key or identity that is missing, damaged or not this centre's; the
    message is in plain words for the user."""


class EnrolmentError(Exception):
    """An enrolment that cannot be made or installed; the message is for the user."""
