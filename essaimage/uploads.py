"""The upload policy, in one place: which files each use accepts (the type decided by content,
never by the name or the browser's claim), how large, and how they are named.

- `FILE_KINDS`: every type the site knows, with its one extension and its name in words;
- `detect_content_type(upload)`: the type of a file from its first bytes (and, for office
  documents, from the names inside their ZIP container: nothing is decompressed);
- `UploadPolicy`: what one use accepts (`INNOVATION_ATTACHMENTS`, `GRANT_DOCUMENTS`); its
  `check(upload)` returns the detected type or raises a French `ValidationError`; forms take
  their help text and `accept` attribute from it;
- names: a file is named after what it contains, never after what its sender called it. The
  stored and served names take the detected type's extension, and the name shown and sent in
  Content-Disposition is reduced to safe characters: « rapport.pdf.html » holding a PDF becomes
  « rapport.pdf », « image.png.exe » holding a PNG becomes « image.png », « photo.pdf » holding
  a JPEG becomes « photo.jpg »."""

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

NBSP = "\u00a0"


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str  # the one extension files of this type get
    label: str  # its name in words: « PDF », « document Word »
    synonyms: frozenset[str] = frozenset()  # spellings of the extension that mean this type


PDF = "application/pdf"
PNG, JPEG, GIF, WEBP = "image/png", "image/jpeg", "image/gif", "image/webp"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"

FILE_KINDS = {kind.content_type: kind for kind in [
    FileKind(PDF, ".pdf", "PDF"),
    FileKind(PNG, ".png", "PNG"),
    FileKind(JPEG, ".jpg", "JPEG", frozenset({".jpeg", ".jpe", ".jfif"})),
    FileKind(GIF, ".gif", "GIF"),
    FileKind(WEBP, ".webp", "WebP"),
    FileKind(DOCX, ".docx", "Word"),
    FileKind(XLSX, ".xlsx", "Excel"),
    FileKind(PPTX, ".pptx", "PowerPoint"),
    FileKind(ODT, ".odt", "OpenDocument texte"),
    FileKind(ODS, ".ods", "OpenDocument tableur"),
    FileKind(ODP, ".odp", "OpenDocument présentation"),
]}
IMAGES = (PNG, JPEG, GIF, WEBP)
OFFICE_DOCUMENTS = (DOCX, XLSX, PPTX, ODT, ODS, ODP)

# --- Detection by content ------------------------------------------------------------------

SIGNATURES = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
]
ZIP_SIGNATURE = b"PK\x03\x04"
# Office Open XML: the part that makes a ZIP a document of each kind.
OOXML_MAIN_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
MACRO_PARTS = ("vbaProject.bin",)  # a document with macros is refused, whatever its name
ZIP_MAX_ENTRIES = 10_000  # a real document has a few hundred parts at most


def _office_type(upload) -> str | None:
    """The type of an office document from its ZIP container's names (and OpenDocument's
    uncompressed « mimetype » entry); None for any other or damaged ZIP, or one with macros."""
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            if len(infos) > ZIP_MAX_ENTRIES:
                return None
            names = {info.filename for info in infos}
            if any(name.rsplit("/", 1)[-1] in MACRO_PARTS for name in names):
                return None
            for part, content_type in OOXML_MAIN_PARTS.items():
                if part in names and "[Content_Types].xml" in names:
                    return content_type
            first = infos[0] if infos else None
            if first is not None and first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED \
                    and first.file_size < 100:
                declared = archive.read(first).decode("ascii", "replace").strip()
                return declared if declared in (ODT, ODS, ODP) else None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    return None


def detect_content_type(upload) -> str | None:
    """The type of a file from its content (None: a type the site does not know)."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return WEBP
        for signature, content_type in SIGNATURES:
            if head.startswith(signature):
                return content_type
        if head.startswith(ZIP_SIGNATURE):
            return _office_type(upload)
        return None
    finally:
        upload.seek(0)


# --- Sizes in words ------------------------------------------------------------------------

def size_label(size) -> str:
    """A size in French units: « 45 Ko », « 1,2 Mo » (never bytes: « 0 Ko » reads as empty)."""
    size = int(size or 0)
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))}{NBSP}Ko"
    megabytes = f"{size / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")
    return f"{megabytes}{NBSP}Mo"


def kind_label(content_type: str) -> str:
    """« PDF », « Word »…; « Fichier » for a type the policy does not know."""
    kind = FILE_KINDS.get(content_type)
    return kind.label if kind else str(_("Fichier"))


# --- What each use accepts -----------------------------------------------------------------

@dataclass(frozen=True)
class UploadPolicy:
    """What one use accepts: its types (detected), its maximum size, and the sentences that say
    so (the field's help text, the refusal of another type)."""

    content_types: tuple[str, ...]
    max_size: int
    help_text: str
    wrong_type: str

    def check(self, upload) -> str:
        """The detected type of an acceptable file; ValidationError (in French) otherwise."""
        if upload.size > self.max_size:
            raise ValidationError(_("Le fichier dépasse %(size)s : réduisez-le ou compressez-le."),
                                  code="file_too_large", params={"size": size_label(self.max_size)})
        content_type = detect_content_type(upload)
        if content_type not in self.content_types:
            raise ValidationError(self.wrong_type, code="file_type")
        return content_type

    @property
    def accept(self) -> str:
        """The file input's `accept` attribute: a hint to the browser's picker, checked here anyway."""
        return ",".join(self.content_types)


MEGABYTE = 1024 * 1024

INNOVATION_ATTACHMENTS = UploadPolicy(
    content_types=(PDF, *IMAGES),
    max_size=10 * MEGABYTE,
    help_text=_("PDF ou image (PNG, JPEG, GIF, WebP), 10\u00a0Mo au plus."),
    wrong_type=_("Ce fichier n’est ni un PDF ni une image (PNG, JPEG, GIF, WebP) : son contenu a été vérifié."),
)

# For the grants to come: applications and milestone reports carry office documents too.
GRANT_DOCUMENTS = UploadPolicy(
    content_types=(PDF, *OFFICE_DOCUMENTS, *IMAGES),
    max_size=20 * MEGABYTE,
    help_text=_("PDF, document bureautique (Word, Excel, PowerPoint, OpenDocument) ou image (PNG, JPEG, GIF, "
                "WebP), 20\u00a0Mo au plus."),
    wrong_type=_("Ce fichier n’est ni un PDF, ni un document bureautique (Word, Excel, PowerPoint, OpenDocument), "
                 "ni une image : son contenu a été vérifié."),
)

# --- Names ---------------------------------------------------------------------------------

NAME_MAX_LENGTH = 100
FALLBACK_NAME = "document"
UNKNOWN_EXTENSION = ".bin"


def extension_for(content_type: str) -> str:
    """The extension of a detected type (".bin" for a type the policy does not know)."""
    kind = FILE_KINDS.get(content_type)
    return kind.extension if kind else UNKNOWN_EXTENSION


def safe_filename(name: str, content_type: str) -> str:
    """A name to show and to send: ASCII letters, digits and hyphens, the detected type's
    extension, at most NAME_MAX_LENGTH characters in all."""
    extension = extension_for(content_type)
    kind = FILE_KINDS.get(content_type)
    spellings = {extension, *(kind.synonyms if kind else ())}
    base = PurePosixPath((name or "").replace("\\", "/")).name
    parts = [part for part in base.split(".") if part.strip()]
    if len(parts) > 1:
        parts.pop()  # the sender's extension: whatever it said, the content decides
    if len(parts) > 1 and kind and f".{parts[-1].strip().lower()}" in spellings:
        parts.pop()  # « rapport.pdf.html » holding a PDF: « rapport.pdf », not « rapport-pdf.pdf »
    stem = slugify("-".join(parts))[: NAME_MAX_LENGTH - len(extension)].strip("-_") or FALLBACK_NAME
    return stem + extension


def stored_name(content_type: str) -> str:
    """The name given to the file in storage: random, with the detected type's extension."""
    return uuid.uuid4().hex + extension_for(content_type)
