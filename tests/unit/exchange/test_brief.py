"""The brief of a demo contact as a PDF: it exists, and its text holds the key facts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from relationship_journal.app import main

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_brief_pdf_of_a_demo_contact_holds_the_key_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "brief.pdf"
    assert main(["--demo", "brief", "jurgen muller", "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(_text(pdf).split())
    for fact in (
        "Jürgen Müller",
        "VP Operations at Northwind Logistics",
        "Talking points",
        "Send the peak-season staffing model",
        "COO of Northwind Group within two years",
        "Peak season staffing",
        "Potsdam",
        "norming",
        "Quarterly review",
    ):
        assert fact in text.replace("ﬃ", "ffi"), fact
    assert "Wrote the brief" in capsys.readouterr().out


def test_organisation_brief_has_a_summary_and_a_page_per_person(tmp_path: Path) -> None:
    pdf = tmp_path / "helix.pdf"
    assert main(["--demo", "brief", "--organisation", "helix", "--pdf", str(pdf)]) == 0
    pages = [page for page in _text(pdf).split("\f") if page.strip()]
    assert len(pages) == 4  # a summary, then one page each
    assert "Meeting brief for 3 people" in pages[0]
    for name in ("Sofía Hernández", "Fatima Al-Sayed", "Élodie Martin"):
        assert name in pages[0]
        assert any(page.lstrip().startswith(name) for page in pages[1:]), name
