"""The text of a PDF, read with poppler's pdftotext (installed by .ci/run)."""

import shutil
import subprocess
import tempfile
from pathlib import Path


def pdf_text(pdf: bytes) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed: see .ci/run"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(pdf)
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
