"""Tickets on paper: layout, QR reference, Qt renderer and printer back ends."""
