"""Which Chromium the browser tests drive: the system's when there is one, else Playwright's.

`python -m devtools.browser --ensure` (run by `make test`) makes sure one is available,
installing Playwright's own build when the system has none, and otherwise says plainly what
to install.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

# Flags for a closed network: no background calls home, no sandbox when running as root.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def system_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    for candidate in [configured, *SYSTEM_CANDIDATES, shutil.which("chromium")]:
        if candidate and Path(candidate).exists():
            return candidate
    return None


def playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            path = pw.chromium.executable_path
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return None
    return path if path and Path(path).exists() else None


def executable_path() -> str | None:
    """The system Chromium, else None (Playwright then uses its own build)."""
    return system_chromium()


def ensure() -> int:
    if system_chromium() or playwright_chromium():
        return 0
    print("Aucun Chromium système : installation de celui de Playwright…", flush=True)
    result = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    if result.returncode == 0 and playwright_chromium():
        return 0
    print(
        "\nLes tests de navigateur ont besoin de Chromium, introuvable ici.\n"
        "Installez-le, par exemple :\n"
        "  Debian/Ubuntu : sudo apt-get install -y chromium\n"
        "  ou : .venv/bin/python -m playwright install --with-deps chromium\n"
        "ou indiquez son chemin dans CHROMIUM_PATH.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(ensure() if "--ensure" in sys.argv else (print(executable_path()) or 0))
