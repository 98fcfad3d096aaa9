"""Small text formatters shared by the apps' models and templates."""

import re
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


# Scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai) and Korean
# syllables: PostgreSQL's text search has no word splitter for them, so a sentence is one "word".
UNSPACED_SCRIPT = re.compile(
    "[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


def bigrams(text):
    """Every run of an unspaced script in `text` as overlapping two-character "words"
    ("城市合作" -> "城市 市合 合作"); other text is left out. Indexed beside a page's text and
    applied to a query, a word inside a sentence is found as its bigrams, on any database."""
    grams = []
    for run in UNSPACED_SCRIPT.findall(text or ""):
        grams.extend([run] if len(run) == 1 else (run[i : i + 2] for i in range(len(run) - 1)))
    return " ".join(grams)


def with_bigrams(query):
    """`query` with each run of an unspaced script replaced by its bigrams."""
    return UNSPACED_SCRIPT.sub(lambda match: bigrams(match.group(0)), query)
