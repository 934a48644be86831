"""The sync tests run on the real clock (links, retries, processes): their centres are
open around the clock, without cut-offs or quotas, whatever the day and hour the suite
runs (a test of the quotas brings its own)."""

import pytest


@pytest.fixture(autouse=True)
def _centres_always_open(always_open_resources):
    return always_open_resources
