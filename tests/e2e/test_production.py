"""The site as deployed by the README: DEBUG off, `collectstatic` with whitenoise's manifest
storage, gunicorn, behind an HTTPS proxy (simulated by its `X-Forwarded-Proto` header).

The DSFR stylesheet must apply (its integrity hash must match the file actually served) and no
page may log an integrity, CSP or loading error. gunicorn runs in a subprocess against the test
database, whichever it is (the PostgreSQL server of DATABASE_URL or the embedded one).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from innovations.reference_data import themes_ensure
from tests.e2e.conftest import Visit
from tests.factories.innovations import InnovationFactory

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """The test database, as a URL another process can use (TCP or Unix socket)."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (":" + quote(db["PASSWORD"]) if db.get("PASSWORD") else "")
    host = db["HOST"] or ""
    if host.startswith("/"):
        return f"postgres://{auth}@/{db['NAME']}?host={quote(host)}"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(static_root: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ESSAIMAGE_", "EMAIL_"))}
    env.update({
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "production-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "STATIC_ROOT": str(static_root),
        "SITE_URL": "https://127.0.0.1",
    })
    return env


@pytest.fixture
def production_site(transactional_db, tmp_path):
    """collectstatic into a temporary STATIC_ROOT, then gunicorn; yields its base URL."""
    env = production_env(tmp_path / "static")
    collected = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
                               cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert collected.returncode == 0, collected.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w+")  # noqa: SIM115 - open while gunicorn runs, closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "essaimage.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--timeout", "60"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "gunicorn stopped:\n" + (tmp_path / "gunicorn.log").read_text()
            try:
                request = urllib.request.Request(base_url + "/", headers={"X-Forwarded-Proto": "https"})
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer:\n" + (tmp_path / "gunicorn.log").read_text()
            time.sleep(0.5)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_production_site_is_styled_and_loads_every_asset(browser, production_site):
    themes_ensure()
    innovation = InnovationFactory(title="Épicerie solidaire itinérante")

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900},
                                  extra_http_headers={"X-Forwarded-Proto": "https"})  # the HTTPS proxy
    page = context.new_page()
    page.set_default_timeout(20000)
    console, failed = [], []
    page.on("console", lambda msg: msg.type in ("error", "warning") and console.append((page.url, msg.text)))
    page.on("pageerror", lambda error: console.append((page.url, f"JS: {error}")))
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and response.request.resource_type != "document"
            and failed.append(f"{response.url}: {response.status}"))
    visit = Visit(page, production_site)
    try:
        pages = {"/": 200, "/innovations/": 200, innovation.get_absolute_url(): 200, "/compte/connexion/": 200,
                 "/cette-page-n-existe-pas/": 404}
        for path, status in pages.items():
            response = page.goto(production_site + path)
            assert response.status == status, path
            visit.check()
            page.evaluate("document.fonts.ready.then(() => true)")
            header = page.evaluate("getComputedStyle(document.querySelector('.fr-header')).fontFamily")
            assert "Marianne" in header, f"{path}: DSFR stylesheet not applied (font-family {header!r})"
            assert page.evaluate(
                "[...document.fonts].some(f => f.family.replaceAll('\"', '') === 'Marianne' && f.status === 'loaded')"
            ), f"{path}: the Marianne font (URL rewritten by the manifest storage) did not load"
            assert page.evaluate("document.documentElement.dataset.frJs") == "true", f"{path}: DSFR JS did not run"
        assert "Page non trouvée" in page.content()  # the last page: the site's own 404

        # A form whose CSRF token went stale: the site's page, and « Revenir au formulaire »
        # brings back what was typed.
        page.goto(production_site + "/compte/connexion/")
        page.get_by_label("Adresse e-mail").fill("texte.garde@exemple.gouv.fr")
        page.evaluate("document.querySelector('input[name=csrfmiddlewaretoken]').value = 'x'.repeat(64)")
        page.get_by_role("button", name="Se connecter", exact=True).click()
        visit.check()
        assert "Le formulaire a expiré" in page.content()
        page.get_by_role("button", name="Revenir au formulaire").click()
        page.wait_for_url("**/compte/connexion/")
        assert page.get_by_label("Adresse e-mail").input_value() == "texte.garde@exemple.gouv.fr"
        # The 404 page's own status is expected; anything else logged is a failure.
        errors = [(url, text) for url, text in console
                  if not (url.endswith("/cette-page-n-existe-pas/") and "status of 404" in text)
                  and not (url.endswith("/compte/connexion/") and "status of 403" in text)]
        assert not errors, f"console errors/warnings: {errors}"
        assert not failed, f"failed or missing resources: {failed}"
        visit.finish()
    finally:
        context.close()
