"""The results as people read them (a Markdown table) and as files keep them (JSON), and
the copy of the table in the top-level README between its markers."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from bench.measure import REPO_DIR, Outcome

README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


def machine_line(facts: dict[str, object]) -> str:
    return (
        f"Machine: {facts['cpu']}, {facts['cores']} cores ({facts['cores_usable']} usable), "
        f"{facts['memory_gb']} GB RAM · {facts['os']} · Python {facts['python']} · "
        f"PySide6 {facts['pyside6']} (Qt {facts['qt']}) · SQLite {facts['sqlite']} · "
        f"disk {facts['disk_fs']} · Qt platform {facts['qt_platform']} · "
        f"commit {facts['commit'] or 'unknown'} · {facts['date']}"
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(outcomes: Sequence[Outcome], facts: dict[str, object], quick: bool) -> str:
    lines = ["| what | budget | measured | verdict |", "|---|---|---|---|"]
    for outcome in outcomes:
        for row in outcome.rows:
            budget = row.budget.text if row.budget else ""
            lines.append(
                f"| {_cell(row.what)} | {_cell(budget)} | {_cell(row.measured)} | {row.verdict} |"
            )
    lines.append("")
    lines.append(machine_line(facts) + (" · **quick run** (smaller counts)" if quick else ""))
    notes = [note for outcome in outcomes for note in outcome.notes]
    if notes:
        lines.append("")
        lines.extend(f"- {note}" for note in notes)
    return "\n".join(lines)


def write_json(
    path: Path, outcomes: Sequence[Outcome], facts: dict[str, object], quick: bool
) -> None:
    """Write the results (small and stable, so the file can be committed) atomically."""
    document = {
        "machine": facts,
        "quick": quick,
        "benchmarks": {outcome.name: outcome.to_json() for outcome in outcomes},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", "utf-8")
    os.replace(temporary, path)


def update_readme(text: str, readme: Path = REPO_DIR / "README.md") -> bool:
    """Put ``text`` between the README's bench markers; False (README untouched) when the
    markers are not both there, in order."""
    content = readme.read_text(encoding="utf-8")
    start, end = content.find(README_START), content.find(README_END)
    if start < 0 or end < 0 or end < start:
        return False
    before = content[: start + len(README_START)]
    after = content[end:]
    readme.write_text(f"{before}\n{text}\n{after}", encoding="utf-8")
    return True
