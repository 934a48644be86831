"""``ticket render`` and ``ticket print`` through the real ``cnaim-desk`` in subprocesses:
the files they write (read back with Pillow, zxing-cpp and the PDF's own page box), the
reprint they record, and their exit statuses (0 done, 1 refused, 2 usage, 4 not printed).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from cnaim_desk.journal.journal import Journal
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.resources import resources_dir

RECEIPT_DPI = 203
POINTS_PER_MM = 72 / 25.4


def _qr_text(png: Path) -> str:
    """The one QR code in a ticket image, read by a decoder that is not the renderer's."""
    with Image.open(png) as image:
        found = zxingcpp.read_barcodes(image)
    codes = [code.text for code in found if code.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(codes) == 1, [code.text for code in found]
    return codes[0]


def _reference(text: str) -> tuple[str, str, str, str]:
    """A QR code's centre, day, code and ticket id, read by its letters and digits (as
    the counters read it, whatever separates them), without checking its signature."""
    parts = re.findall(r"[A-Za-z0-9]+", text)
    assert len(parts) == 10, text
    assert parts[0].upper() == "CN1", text
    centre, year, month, date, code, desk, boot, seq = parts[1:9]
    return centre.lower(), f"{year}-{month}-{date}", code.upper(), f"{desk.upper()}:{boot}:{seq}"


def _media_box(pdf: Path) -> tuple[float, float]:
    """The width and height in points of a one-page PDF, from its page's MediaBox."""
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-"), data[:16]
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert len(boxes) == 1, boxes
    return float(boxes[0][0]), float(boxes[0][1])


def _issue(cli, root: Path, *options: str) -> dict:
    return cli("ticket", "issue", *options, "--json", data_dir=root).expect(0).json()


def _listed(cli, root: Path, code: str) -> dict:
    tickets = cli("ticket", "list", "--json", data_dir=root).expect(0).json()
    return next(ticket for ticket in tickets if ticket["code"] == code)


def test_commands_that_do_not_draw_never_load_qt(desk_dir):
    """Qt is imported by the drawing commands only: a script's `ticket list` starts
    without it (and would on a machine where Qt cannot load)."""
    probe = (
        "import sys\n"
        "from cnaim_desk.cli import main\n"
        f"status = main(['--data-dir', {str(desk_dir)!r}, 'ticket', 'list', '--json'])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(status, qt, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stderr.strip() == "0 []", done.stderr


def test_a_sample_in_arabic_as_png(tmp_path, cli):
    nowhere = tmp_path / "no-desk"
    out = tmp_path / "ar.png"
    result = cli(
        "ticket", "render", "--sample", "ss", "--lang", "ar", "--out", out, "--json",
        data_dir=nowhere,
    ).expect(0)  # fmt: skip
    assert result.json() == {
        "path": str(out),
        "code": "S023",
        "language": "ar",
        "paper": "80mm",
        "format": "png",
    }
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.width == round(80 * RECEIPT_DPI / 25.4) == 639
        assert image.height > image.width  # a receipt roll, as long as the ticket
        assert image.info["dpi"] == pytest.approx((RECEIPT_DPI, RECEIPT_DPI), abs=0.01)
    # No desk here: a sample is of CNAIM Lisboa, with a sample's id.
    centre, _day, code, ticket_id = _reference(_qr_text(out))
    assert (centre, code, ticket_id) == ("lisboa", "S023", "SAMPLE:00000000:1")
    assert not nowhere.exists()  # a sample reads and writes no desk


def test_a_sample_is_of_the_desks_centre_unless_told(tmp_path, cli, desk_files):
    root = tmp_path / "porto"
    cli("init", "--centre", "norte", "--desk", "R1", "--role", "reception", data_dir=root).expect(0)
    before = desk_files.folder_bytes(root)
    own = tmp_path / "own.png"
    cli("ticket", "render", "--sample", "SS", "--lang", "pt", "--out", own, data_dir=root).expect(0)
    assert _reference(_qr_text(own))[0] == "norte"
    told = tmp_path / "told.png"
    cli(
        "ticket", "render", "--sample", "SS", "--lang", "pt", "--centre", "algarve",
        "--out", told, data_dir=root,
    ).expect(0)  # fmt: skip
    assert _reference(_qr_text(told))[0] == "algarve"
    assert desk_files.folder_bytes(root) == before


@pytest.mark.parametrize(
    ("paper", "width_mm", "height_mm"),
    [("58mm", 58.0, None), ("a6", 105.0, 148.0)],
)
def test_a_sample_as_pdf(tmp_path, cli, paper, width_mm, height_mm):
    out = tmp_path / f"ticket-{paper}.pdf"
    result = cli(
        "ticket", "render", "--sample", "AIMA", "--lang", "bn", "--paper", paper, "--out", out,
    ).expect(0)  # fmt: skip
    assert result.stdout.strip() == str(out)
    width, height = _media_box(out)
    assert width == pytest.approx(width_mm * POINTS_PER_MM, abs=1)
    if height_mm is None:  # a roll is cut where the ticket ends
        assert height > 2 * width
    else:
        assert height == pytest.approx(height_mm * POINTS_PER_MM, abs=1)


def test_an_issued_ticket_renders_with_a_qr_code_that_verifies(desk_dir, tmp_path, cli, desk_files):
    issued = _issue(cli, desk_dir, "--service", "SS", "--lang", "ur", "--group", "3")
    before = desk_files.counts(desk_dir)

    own = tmp_path / "own.png"
    rendered = cli("ticket", "render", "S001", "--out", own, "--json", data_dir=desk_dir)
    assert rendered.expect(0).json()["language"] == "ur"  # the holder's language by default
    scanned = _qr_text(own)
    with Journal.open_read_only(desk_dir, resources=resources_dir()) as journal:
        reference = TicketReference.decode(
            scanned, journal.centre_key, centre="lisboa", day=issued["day"]
        )
    assert (reference.code, reference.ticket_id) == ("S001", issued["id"])

    # --lang draws the same ticket in another language: same signed reference.
    english = tmp_path / "en.png"
    again = cli(
        "ticket", "render", issued["id"], "--lang", "en", "--out", english, "--json",
        data_dir=desk_dir,
    ).expect(0)  # fmt: skip
    assert again.json()["language"] == "en"
    assert _qr_text(english) == scanned
    assert english.read_bytes() != own.read_bytes()
    assert desk_files.counts(desk_dir) == before  # rendering writes nothing


def test_wrong_output_files_are_refused_plainly(tmp_path, cli):
    render = ("ticket", "render", "--sample", "SS", "--lang", "uk")

    jpeg = cli(*render, "--out", tmp_path / "t.jpg")
    jpeg.expect(2)
    assert "'" + str(tmp_path / "t.jpg") + "' is neither a .pdf nor a .png file" in jpeg.stderr
    assert not (tmp_path / "t.jpg").exists()

    missing = cli(*render, "--out", tmp_path / "nowhere" / "t.png")
    missing.refused("Cannot write", f"there is no folder {tmp_path / 'nowhere'}")

    folder = tmp_path / "t.png"
    folder.mkdir()
    taken = cli(*render, "--out", folder)
    taken.refused(f"Cannot write {folder}", "Is a directory")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["t.png"]  # nothing half-written

    no_language = cli("ticket", "render", "--sample", "SS", "--out", tmp_path / "s.png")
    no_language.expect(2)
    assert "--sample needs --lang" in no_language.stderr
    both = cli("ticket", "render", "S001", *render[2:], "--out", tmp_path / "s.png")
    both.expect(2)
    assert "not allowed with argument TICKET" in both.stderr
    assert not (tmp_path / "s.png").exists()


def test_an_unknown_ticket_is_refused(desk_dir, tmp_path, cli, desk_files):
    _issue(cli, desk_dir, "--service", "SS")
    before = desk_files.counts(desk_dir)
    cli("ticket", "render", "S999", "--out", tmp_path / "t.png", data_dir=desk_dir).refused(
        "There is no ticket S999 today.",
    )
    assert not (tmp_path / "t.png").exists()
    cli("ticket", "print", "S999", data_dir=desk_dir).refused("There is no ticket S999 today.")
    assert desk_files.counts(desk_dir) == before


def test_printing_again_without_a_printer_saves_a_pdf_and_counts_a_reprint(desk_dir, cli):
    issued = _issue(cli, desk_dir, "--service", "SS", "--lang", "pa")
    assert issued["reprints"] == 0

    printed = cli("ticket", "print", "S001", "--json", data_dir=desk_dir).expect(0).json()
    saved = desk_dir / "tickets" / issued["day"] / "S001.pdf"
    assert printed == {
        "id": issued["id"],
        "code": "S001",
        "printed": True,
        "destination": str(saved),
        "pdf": True,
        "error": None,
        "reprints": 1,
    }
    width, _ = _media_box(saved)
    assert width == pytest.approx(80 * POINTS_PER_MM, abs=1)  # the desk's paper: 80mm
    assert _listed(cli, desk_dir, "S001")["reprints"] == 1

    assert not (desk_dir / "settings.ini").exists()  # read, never written

    # The desk's settings say 58 mm paper, still no printer.
    settings = desk_dir / "settings.ini"
    settings.write_text("[printing]\npaper=58mm\n", encoding="utf-8")
    plain = cli("ticket", "print", issued["id"], data_dir=desk_dir).expect(0)
    assert plain.stdout.strip() == f"Ticket S001 saved as PDF: {saved}"
    width, _ = _media_box(saved)
    assert width == pytest.approx(58 * POINTS_PER_MM, abs=1)
    assert _listed(cli, desk_dir, "S001")["reprints"] == 2
    assert settings.read_text(encoding="utf-8") == "[printing]\npaper=58mm\n"


def test_a_failed_print_names_the_printer_and_leaves_the_ticket_valid(desk_dir, cli):
    _issue(cli, desk_dir, "--service", "SS")
    # The desk prints raw to a receipt printer that is not there, on 58 mm paper.
    settings = desk_dir / "settings.ini"
    settings.write_text(
        "[printing]\nprinter=DESK-QUEUE\nescpos=tcp://127.0.0.1:9\npaper=58mm\n", encoding="utf-8"
    )
    text = settings.read_bytes()

    failed = cli("ticket", "print", "S001", "--printer", "NO-SUCH-QUEUE", data_dir=desk_dir)
    failed.expect(4)
    assert failed.stdout == ""
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1, failed.stderr
    # --printer is used instead of both the desk's queue and its raw printer.
    assert "The printer NO-SUCH-QUEUE is not available." in lines[0]
    assert "DESK-QUEUE" not in lines[0]
    assert "127.0.0.1" not in lines[0]
    assert "Ticket S001 is still valid" in lines[0]

    ticket = _listed(cli, desk_dir, "S001")
    assert ticket["status"] == "waiting"
    assert ticket["reprints"] == 1  # recorded before printing, as the reception window does
    assert not (desk_dir / "tickets").exists()  # no PDF instead of the printer

    # Without --printer the desk's own raw printer is used, and its failure is reported.
    raw = cli("ticket", "print", "S001", "--json", data_dir=desk_dir)
    raw.expect(4)
    assert raw.json()["printed"] is False
    assert raw.json()["destination"] == "tcp://127.0.0.1:9"
    assert "tcp://127.0.0.1:9 cannot be reached" in raw.stderr
    assert settings.read_bytes() == text
