"""Background work for the resource library: reading the text inside uploaded PDFs.

A PDF can take seconds to read, so it is never read on the request that uploads it: saving a
document queues `extract_document_text` on the "background" task backend (a database queue,
worked by `manage.py db_worker --backend background`).
"""

import hashlib
import logging

from django.db import transaction
from django_tasks import task
from wagtail.documents import get_document_model

logger = logging.getLogger(__name__)

BACKGROUND_BACKEND_ALIAS = "background"
# Enough for search; a 500-page report's full text would only make the index slow.
MAX_TEXT_CHARACTERS = 200_000


def read_pdf_text(file):
    """The text of a PDF file object, or "" when the file is not a readable PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(file)
        parts = []
        size = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_TEXT_CHARACTERS:
                break
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        logger.warning("Could not read the text of a PDF: %s", error)
        return ""
    return " ".join(" ".join(parts).split())[:MAX_TEXT_CHARACTERS]


@task(backend=BACKGROUND_BACKEND_ALIAS)
def extract_document_text(document_id):
    from wagtail.search import index

    from .models import DocumentText, ResourcePage

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    text = ""
    digest = ""
    if document.file_extension.lower() == "pdf":
        with document.open_file() as handle:
            data = handle.read()
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        import io

        text = read_pdf_text(io.BytesIO(data))
    DocumentText.objects.update_or_create(document=document, defaults={"text": text, "file_hash": digest})
    # The resources showing this document are searched by its text: index them again.
    for page in ResourcePage.objects.filter(document=document).specific():
        index.insert_or_update_object(page)
    return "read"


def queue_text_extraction(sender, instance, **kwargs):
    """post_save of a document: read its text after the upload's transaction commits."""
    document_id = instance.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))
