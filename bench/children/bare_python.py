"""The interpreter alone: start, run one line, exit. Usage: ``python bare_python.py``."""

print("READY {}", flush=True)
