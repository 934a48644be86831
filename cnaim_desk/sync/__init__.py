"""Sync between desks: discovery, enrolment, transport, peer links (asyncio, no Qt)."""
