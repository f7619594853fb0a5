"""The upload policy (essaimage/uploads.py): types decided by content, per use; sizes; names."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from essaimage import uploads
from innovations.forms import AttachmentForm

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "


def zipped(entries: dict[str, bytes], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(entries.items()):
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED if stored_first and index == 0
                             else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ooxml(main_part: str, *extra: str) -> bytes:
    return zipped({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>", main_part: b"<x/>",
                   **dict.fromkeys(extra, b"\x00")})


def opendocument(content_type: str) -> bytes:
    return zipped({"mimetype": content_type.encode(), "content.xml": b"<office:document-content/>"},
                  stored_first=True)


def upload(content: bytes, name: str = "fichier.bin", claimed: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=claimed)


@pytest.mark.parametrize("content, expected", [
    (PDF, uploads.PDF), (PNG, uploads.PNG), (JPEG, uploads.JPEG), (b"GIF89a\x01\x00", uploads.GIF),
    (WEBP, uploads.WEBP),
    (ooxml("word/document.xml"), uploads.DOCX), (ooxml("xl/workbook.xml"), uploads.XLSX),
    (ooxml("ppt/presentation.xml"), uploads.PPTX),
    (opendocument(uploads.ODT), uploads.ODT), (opendocument(uploads.ODS), uploads.ODS),
    (opendocument(uploads.ODP), uploads.ODP),
])
def test_the_type_is_read_from_the_content_whatever_the_name(content, expected):
    assert uploads.detect_content_type(upload(content, "rapport.exe", "text/html")) == expected


@pytest.mark.parametrize("content", [
    b"<html><script>alert(1)</script>", b"MZ\x90\x00\x03", b"",
    ooxml("word/document.xml", "word/vbaProject.bin"),  # a Word document with macros (.docm)
    zipped({"readme.txt": b"hello"}),  # any other archive
    b"PK\x03\x04 damaged archive",
    opendocument("application/x-shellscript"),
    zipped({"mimetype": uploads.ODT.encode()}),  # a compressed « mimetype »: not an OpenDocument
])
def test_unknown_archives_macros_and_other_content_are_not_recognised(content):
    assert uploads.detect_content_type(upload(content, "rapport.docx", uploads.DOCX)) is None


def test_detection_leaves_the_file_at_its_start():
    file = upload(ooxml("word/document.xml"))
    uploads.detect_content_type(file)
    assert file.read(4) == b"PK\x03\x04"


def test_innovation_attachments_take_pdf_and_images_only():
    policy = uploads.INNOVATION_ATTACHMENTS
    assert policy.check(upload(PDF)) == uploads.PDF and policy.check(upload(WEBP)) == uploads.WEBP
    with pytest.raises(ValidationError) as refused:
        policy.check(upload(ooxml("word/document.xml"), "bilan.docx", uploads.DOCX))
    assert refused.value.messages == [
        "Ce fichier n’est ni un PDF ni une image (PNG, JPEG, GIF, WebP) : son contenu a été vérifié."]
    assert refused.value.code == "file_type"


def test_grant_documents_also_take_office_documents_up_to_twenty_megabytes():
    policy = uploads.GRANT_DOCUMENTS
    for content, content_type in [(ooxml("xl/workbook.xml"), uploads.XLSX), (opendocument(uploads.ODT), uploads.ODT),
                                  (PDF, uploads.PDF), (PNG, uploads.PNG)]:
        assert policy.check(upload(content)) == content_type
    big = upload(PDF + b"0" * (20 * 1024 * 1024))
    with pytest.raises(ValidationError) as refused:
        policy.check(big)
    assert refused.value.messages == ["Le fichier dépasse 20\u00a0Mo : réduisez-le ou compressez-le."]
    with pytest.raises(ValidationError):
        policy.check(upload(b"MZ\x90\x00", "installeur.pdf", "application/pdf"))


def test_size_is_checked_before_the_content_is_read():
    big = upload(b"not even a pdf" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as refused:
        uploads.INNOVATION_ATTACHMENTS.check(big)
    assert refused.value.code == "file_too_large"
    assert refused.value.messages == ["Le fichier dépasse 10\u00a0Mo : réduisez-le ou compressez-le."]


def test_the_attachment_form_takes_its_rules_from_the_policy():
    form = AttachmentForm()
    assert form.fields["file"].widget.attrs["accept"] == "application/pdf,image/png,image/jpeg,image/gif,image/webp"
    assert form.fields["file"].help_text == "PDF ou image (PNG, JPEG, GIF, WebP), 10\u00a0Mo au plus."
    sent = AttachmentForm(data={}, files={"file": upload(ooxml("word/document.xml"), "bilan.pdf", "application/pdf")})
    assert not sent.is_valid() and "ni un PDF ni une image" in sent.errors["file"][0]
    good = AttachmentForm(data={}, files={"file": upload(PNG, "photo.pdf", "application/pdf")})
    assert good.is_valid() and good.cleaned_data["content_type"] == uploads.PNG


@pytest.mark.parametrize("name, content_type, expected", [
    ("rapport.pdf.html", uploads.PDF, "rapport.pdf"),
    ("image.png.exe", uploads.PNG, "image.png"),
    ("photo.pdf", uploads.JPEG, "photo.jpg"),
    ("photo.JPEG", uploads.JPEG, "photo.jpg"),
    ("Bilan financier 2025.docx", uploads.DOCX, "bilan-financier-2025.docx"),
    ("compte-rendu.odt.exe", uploads.ODT, "compte-rendu.odt"),
    ("../../etc/passwd", uploads.PDF, "passwd.pdf"),
    ("....", uploads.PDF, "document.pdf"),
    ("x" * 300 + ".pdf", uploads.PDF, "x" * 96 + ".pdf"),
    ("archive.zip", "application/zip", "archive.bin"),
])
def test_names_take_the_detected_types_extension(name, content_type, expected):
    assert uploads.safe_filename(name, content_type) == expected


def test_stored_names_are_random_with_the_detected_extension():
    first, second = uploads.stored_name(uploads.XLSX), uploads.stored_name(uploads.XLSX)
    assert first != second and first.endswith(".xlsx") and len(first) == 32 + 5


def test_sizes_and_kinds_in_words():
    assert uploads.size_label(0) == "1\u00a0Ko" and uploads.size_label(45 * 1024) == "45\u00a0Ko"
    assert uploads.size_label(1024 * 1024) == "1\u00a0Mo" and uploads.size_label(1_300_000) == "1,2\u00a0Mo"
    assert uploads.kind_label(uploads.PDF) == "PDF" and uploads.kind_label(uploads.DOCX) == "Word"
    assert uploads.kind_label("text/html") == "Fichier"
