"""CNAIM Desk benchmarks: DESIGN.md's budgets measured on this machine.

Run ``python -m bench`` (or ``make bench``); ``bench/README.md`` explains each benchmark.
Benchmarks, not tests: nothing here runs under pytest, and a budget missed is reported,
not failed.
"""
