"""The brief of a demo contact as a PDF: it exists, and its text holds the key facts."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from relationship_journal.app import main

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def _text(pdf: Path) -> str:
    """The PDF's text, its ligatures ("ﬁ") spelled out."""
    return unicodedata.normalize(
        "NFKC",
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout,
    )


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


def test_one_person_fits_one_page_with_footer_and_promises_by_due_date(tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    assert main(["--demo", "brief", "jurgen muller", "--pdf", str(pdf)]) == 0
    pages = [page for page in _text(pdf).split("\f") if page.strip()]
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    assert "Confidential" in text and "Page 1 of 1" in text
    # Soonest first: the staffing model (due 30 Nov) before the roadmap (due 6 Dec).
    assert text.index("staffing model due") < text.index("depot roadmap due")
    assert "due 30 Nov 2026" in text  # no leading zeros, never split across lines
    assert "Personal" in text and "Folkboat" in text


def test_the_organisation_brief_keeps_a_personal_line_for_each(tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    assert main(["--demo", "brief", "--organisation", "Helix", "--pdf", str(pdf)]) == 0
    pages = [page for page in _text(pdf).split("\f") if page.strip()]
    summary = " ".join(pages[0].split())
    assert "Where they live: Madrid" in summary  # Sofía's personal side, condensed
    assert all(f"Page {n} of {len(pages)}" in " ".join(p.split()) for n, p in enumerate(pages, 1))


def test_a_birthday_not_coming_up_is_listed_with_who_they_are(tmp_path: Path) -> None:
    from datetime import date, timedelta

    birthday = date.today() + timedelta(days=120)
    card = tmp_path / "anna.vcf"
    card.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Lind\r\nBDAY:1980{birthday:%m%d}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    data = ["--data-dir", str(tmp_path / "journal")]
    assert main([*data, "import", str(card)]) == 0
    pdf = tmp_path / "anna.pdf"
    assert main([*data, "brief", "anna lind", "--pdf", str(pdf)]) == 0
    text = " ".join(_text(pdf).split())
    assert f"Birthday {birthday.day} {birthday:%B} 1980" in text
