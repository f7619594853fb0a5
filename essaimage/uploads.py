"""Upload policy: a file is named after what it contains, never after what its sender called it.

The type is detected from the content (the attachment form sniffs the first bytes); the stored
and served names take that type's extension, and the name shown and sent in
Content-Disposition is reduced to safe characters: « rapport.pdf.html » holding a PDF becomes
« rapport.pdf », « image.png.exe » holding a PNG becomes « image.png », « photo.pdf » holding
a JPEG becomes « photo-pdf.jpg »."""

import uuid
from pathlib import PurePosixPath

from django.utils.text import slugify

# Detected type → the one extension files of that type get.
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
}
# Spellings of an extension that mean the detected type (dropped from the name, not doubled).
SYNONYMS = {".jpg": {".jpg", ".jpeg", ".jpe", ".jfif"}, ".pdf": {".pdf"}, ".png": {".png"},
            ".gif": {".gif"}, ".webp": {".webp"}}
NAME_MAX_LENGTH = 100
FALLBACK_NAME = "document"


UNKNOWN_EXTENSION = ".bin"


def extension_for(content_type: str) -> str:
    """The extension of a detected type (".bin" for a type the policy does not know)."""
    return EXTENSIONS.get(content_type, UNKNOWN_EXTENSION)


def safe_filename(name: str, content_type: str) -> str:
    """A name to show and to send: ASCII letters, digits and hyphens, the detected type's
    extension, at most NAME_MAX_LENGTH characters in all."""
    extension = extension_for(content_type)
    base = PurePosixPath((name or "").replace("\\", "/")).name
    parts = [part for part in base.split(".") if part.strip()]
    if len(parts) > 1:
        parts.pop()  # the sender's extension: whatever it said, the content decides
    if len(parts) > 1 and f".{parts[-1].strip().lower()}" in SYNONYMS.get(extension, ()):
        parts.pop()  # « rapport.pdf.html » holding a PDF: « rapport.pdf », not « rapport-pdf.pdf »
    stem = slugify("-".join(parts))[: NAME_MAX_LENGTH - len(extension)].strip("-_") or FALLBACK_NAME
    return stem + extension


def stored_name(content_type: str) -> str:
    """The name given to the file in storage: random, with the detected type's extension."""
    return uuid.uuid4().hex + extension_for(content_type)
