"""CNAIM Desk: reception, queue and calling board for the National Centres for Migrants'
Integration Support (CNAIM), one Qt application with a role per machine."""

__version__ = "0.1.0"
