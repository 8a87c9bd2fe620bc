"""French HTML from Jinja2 templates, and HTML → PDF / PNG with headless Chromium.

Autoescape is on for every HTML template: text from a dossier is shown as
text, never interpreted.  Pages also carry a Content-Security-Policy that
forbids scripts and any fetch, so that even a template mistake could not
make Chromium run or load anything from a dossier.

Chromium runs with a fresh empty profile and without any background
networking, in its own process group, killed as a whole on timeout.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from common.dates import MONTHS
from common.once import once
from common.processes import run_in_group
from contract import theme_label

TEMPLATES = Path(__file__).with_name("templates")
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-extensions",
                  "--hide-scrollbars", "--mute-audio"]
# A4 at 150 dpi, the width the pack is laid out for.
A4_PX = (1240, 1754)


class RenderError(RuntimeError):
    """Raised with a French message when Chromium is missing or fails."""


def date_fr(value: date | str | None, empty: str = "—") -> str:
    """'1er mars 2025', '15 mai 2025'."""
    if not value:
        return empty
    if isinstance(value, str):
        value = date.fromisoformat(value)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def theme_fr(theme_id: str) -> str:
    return theme_label(theme_id)


def theme_short(theme_id: str) -> str:
    """The head of a theme's label, for narrow columns: 'Eau potable'."""
    return theme_fr(theme_id).split(",")[0]


@once
def templates() -> Environment:
    # auto_reload off: the templates do not change while a command runs, and
    # each render would stat them again.
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, auto_reload=False,
                      autoescape=select_autoescape(["html.j2"], default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["date_fr"] = date_fr
    env.filters["theme_fr"] = theme_fr
    env.filters["theme_short"] = theme_short
    env.filters["first_upper"] = lambda text: text[:1].upper() + text[1:]  # keeps "EPCI"
    for name in env.list_templates():  # every one now (50 ms): threads rendering at
        env.get_template(name)         # once would each compile the ones they share
    return env


def render(template: str, **context) -> str:
    return templates().get_template(template).render(**context)


def chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RenderError("Chromium est introuvable : installez le paquet Debian « chromium » "
                      "(make setup s'en charge) pour produire les PDF.")


def _run_chromium(args: list[str], output: Path, timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="expe-ct-chromium-") as profile:
        cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
        try:
            returncode, err = run_in_group(cmd, timeout)
        except subprocess.TimeoutExpired:
            raise RenderError(f"Chromium n'a pas fini en {timeout:.0f} s : rendu abandonné.") from None
    if returncode != 0 or not output.exists() or output.stat().st_size == 0:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        raise RenderError("Chromium n'a pas produit le fichier attendu"
                          + (f" : {tail[0]}" if tail else "."))


def html_to_pdf(html: Path, pdf: Path, timeout: float = 120) -> Path:
    """Print an HTML file to PDF; page size, margins and page numbers come
    from the page's own @page rules."""
    pdf.unlink(missing_ok=True)
    _run_chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf.resolve()}",
                   html.resolve().as_uri()], pdf, timeout)
    return pdf


def html_to_png(html: Path, png: Path, size: tuple[int, int] = A4_PX, timeout: float = 120) -> Path:
    """A screenshot of the top of the page as a browser shows it."""
    png.unlink(missing_ok=True)
    _run_chromium([f"--window-size={size[0]},{size[1]}", f"--screenshot={png.resolve()}",
                   html.resolve().as_uri()], png, timeout)
    return png
