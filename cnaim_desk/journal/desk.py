"""A desk's data directory: its configuration, keys, database and lock.

Layout::

    desk.json          centre, desk id, role, numbering slot
    keys/desk.pem      the desk's Ed25519 signing key (owner-only)
    keys/centre.key    the centre key for ticket references (owner-only)
    journal.sqlite     the journal (write-ahead log alongside)
    desk.lock          held by the one process writing this directory
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from cnaim_desk.domain.centres import CENTRE_IDS, CentreProfile, ProfileError, parse_profile
from cnaim_desk.domain.events import is_desk_id
from cnaim_desk.domain.flow import Catalogue, FlowProblem, TriageFlow, parse_catalogue, parse_flow
from cnaim_desk.domain.flow_check import check_flow
from cnaim_desk.domain.holder_text import HolderTexts, parse_holder_texts
from cnaim_desk.domain.numbering import MAX_SLOT

ROLES = ("reception", "counter", "board")
ENV_DATA_DIR = "CNAIM_DESK_DATA_DIR"


class DeskSetupError(Exception):
    """A desk that cannot be set up or opened; the message says what to do."""


def default_data_dir() -> Path:
    """``$CNAIM_DESK_DATA_DIR``, else the platform's per-user data folder."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("cnaim-desk", appauthor=False))


@dataclass(frozen=True, slots=True)
class DeskConfig:
    """Who this desk is: its centre, id, role and numbering slot (0: standalone)."""

    centre: str
    desk: str
    role: str
    slot: int = 0

    def __post_init__(self) -> None:
        if self.centre not in CENTRE_IDS:
            raise DeskSetupError(f"Unknown centre {self.centre!r}; use {', '.join(CENTRE_IDS)}.")
        if not is_desk_id(self.desk):
            raise DeskSetupError(
                f"Desk id {self.desk!r} is not valid: use a short upper-case id such as R1 or C4."
            )
        if self.role not in ROLES:
            raise DeskSetupError(f"Unknown role {self.role!r}; use {', '.join(ROLES)}.")
        if not 0 <= self.slot <= MAX_SLOT:
            raise DeskSetupError(f"A numbering slot is 0 to {MAX_SLOT}.")


class DataDir:
    """Paths inside a desk's data directory."""

    def __init__(self, root: Path):
        self.root = Path(root)

    @property
    def config_path(self) -> Path:
        return self.root / "desk.json"

    @property
    def database_path(self) -> Path:
        return self.root / "journal.sqlite"

    @property
    def signing_key_path(self) -> Path:
        return self.root / "keys" / "desk.pem"

    @property
    def centre_key_path(self) -> Path:
        return self.root / "keys" / "centre.key"

    @property
    def ca_certificate_path(self) -> Path:
        """The centre authority's certificate, on every desk enrolled in a centre."""
        return self.root / "pki" / "ca.pem"

    @property
    def ca_key_path(self) -> Path:
        """The centre authority's private key, on the desk that holds it only."""
        return self.root / "pki" / "ca-key.pem"

    @property
    def history_keys_path(self) -> Path:
        """The keys a standalone desk's history verifies with, kept when it joined a
        centre (``cnaim-desk join``): its own registry then, not the centre's."""
        return self.root / "keys" / "history.json"

    @property
    def recovering_path(self) -> Path:
        """Present while the desk, its journal lost, waits for today's queue from others."""
        return self.root / "recovering"

    def is_initialised(self) -> bool:
        return self.config_path.exists()

    def load_config(self) -> DeskConfig:
        try:
            raw = json.loads(self.config_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DeskSetupError(
                f"No desk is set up in {self.root}. Run `cnaim-desk init` or start the demo."
            ) from None
        except (OSError, ValueError) as error:
            raise DeskSetupError(f"Cannot read {self.config_path}: {error}.") from None
        try:
            return DeskConfig(**raw)
        except TypeError:
            raise DeskSetupError(f"{self.config_path} is not a desk configuration.") from None

    def save_config(self, config: DeskConfig) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.config_path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(asdict(config), indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, self.config_path)


def load_centre_profile(centre: str, resources: Path) -> CentreProfile:
    """Read ``resources/centres/<centre>.toml``; a broken file gives every problem at once."""
    path = resources / "centres" / f"{centre}.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DeskSetupError(f"Cannot read the centre profile {path}: {error.strerror}.") from None
    try:
        return parse_profile(text, source=str(path))
    except ProfileError as error:
        listing = "\n  ".join(error.problems)
        raise DeskSetupError(f"The centre profile {path} has problems:\n  {listing}") from None


def load_flow_file(path: Path, resources: Path) -> tuple[TriageFlow | None, list[FlowProblem]]:
    """Read a flow file with the translation files beside it (``translations/*.toml``) and
    check it against its centre's profile; returns the flow and every problem found."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        return None, [
            FlowProblem("error", "file", f"cannot read it: {error.strerror}", source=str(path))
        ]
    catalogues, problems = _catalogues(path.parent / "translations")
    flow, found = parse_flow(text, str(path), catalogues)
    problems.extend(found)
    if flow is None:
        return None, problems
    try:
        profile = load_centre_profile(flow.centre, resources)
    except DeskSetupError as error:
        problems.append(FlowProblem("error", "centre", str(error), source=str(path)))
        return flow, problems
    problems.extend(check_flow(flow, profile, text))
    return flow, problems


def load_flow(centre: str, resources: Path) -> TriageFlow:
    """The centre's flow for the reception window; refuses a flow with errors."""
    path = resources / "flows" / f"{centre}.toml"
    flow, problems = load_flow_file(path, resources)
    errors = [problem for problem in problems if problem.severity == "error"]
    if flow is None or errors:
        listing = "\n  ".join(str(problem) for problem in errors[:20])
        more = f"\n  … and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise DeskSetupError(
            f"The triage flow {path} has problems; run `cnaim-desk flow check {path}`:"
            f"\n  {listing}{more}"
        )
    return flow


def _catalogues(folder: Path) -> tuple[dict[str, Catalogue], list[FlowProblem]]:
    catalogues: dict[str, Catalogue] = {}
    problems: list[FlowProblem] = []
    for path in sorted(folder.glob("*.toml")):
        catalogue, found = parse_catalogue(path.read_text(encoding="utf-8"), str(path))
        problems.extend(found)
        if catalogue is not None:
            catalogues[catalogue.language] = catalogue
    return catalogues, problems


def load_holder_texts(resources: Path) -> HolderTexts:
    """What tickets and boards say, in every holder language; refuses broken files."""
    folder = resources / "text"
    catalogues, problems = _catalogues(folder / "translations")
    try:
        source = (folder / "holder.toml").read_text(encoding="utf-8")
    except OSError as error:
        raise DeskSetupError(f"Cannot read {folder / 'holder.toml'}: {error.strerror}.") from None
    texts, found = parse_holder_texts(source, catalogues, str(folder / "holder.toml"))
    errors = [p for p in problems + found if p.severity == "error"]
    if errors:
        listing = "\n  ".join(str(problem) for problem in errors[:20])
        raise DeskSetupError(f"The holder texts in {folder} have problems:\n  {listing}")
    return texts
