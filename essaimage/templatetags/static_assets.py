"""`{% asset_integrity 'path' %}`: the Subresource Integrity hash of a static file AS SERVED.

django-dsfr's `{% dsfr_css %}` and `{% dsfr_js %}` print the hash of the file shipped in the
package; once `collectstatic` has run with a manifest storage, the served CSS differs (its font
URLs are rewritten to hashed names), the hashes no longer match and browsers refuse the
stylesheet. This tag hashes the file the site really serves: the collected, hashed copy under
STATIC_ROOT when the storage has one, else the source file found by the static finders
(development). Each file is hashed once per process (again if it changes on disk).
"""

import base64
import hashlib
import os
from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

register = template.Library()


def served_file_path(path: str) -> str | None:
    """The file on disk whose bytes are sent for the static `path`."""
    stored_name = getattr(staticfiles_storage, "stored_name", None)
    if stored_name is not None:  # a manifest storage: the collected copy under a hashed name
        try:
            name = stored_name(path)
        except ValueError:  # not in the manifest (collectstatic not run): served from the source
            name = None
        if name and staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
    return finders.find(path)


@lru_cache(maxsize=64)
def _digest(file_path: str, mtime_ns: int, size: int) -> str:
    sha = hashlib.sha384()
    with open(file_path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            sha.update(chunk)
    return "sha384-" + base64.b64encode(sha.digest()).decode("ascii")


def integrity(path: str) -> str:
    """`sha384-…` of the served file, or "" when it cannot be found (no attribute then)."""
    file_path = served_file_path(path)
    if not file_path:
        return ""
    stat = os.stat(file_path)
    return _digest(file_path, stat.st_mtime_ns, stat.st_size)


@register.simple_tag
def asset_integrity(path: str) -> str:
    return integrity(path)
