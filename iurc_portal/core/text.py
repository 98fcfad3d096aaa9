"""Small text formatters shared by the apps' models and templates."""

import unicodedata

from django.utils.translation import gettext as _


def sort_key(text):
    """`text` as people sort names: accents and case ignored, so “Málaga” comes before
    “Manchester” and “São Paulo” before “Seoul”. The same on every database, since lists sort on
    this stored key rather than on a collation (SQLite has none that ignores accents)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def year_range(start, end):
    """“2021–2023”; “2021” when both are the same or there is no end; “until 2023” with only an end."""
    if start and end and start != end:
        return f"{start}–{end}"
    if start:
        return str(start)
    if end:
        return _("until %(year)s") % {"year": end}
    return ""
