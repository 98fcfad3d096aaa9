"""Plain text out of StreamField data, for reading time and feed summaries."""

import math

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 220

# Struct-block keys that hold settings, references or addresses rather than words a reader reads.
NON_TEXT_KEYS = {"level", "url", "page", "image", "document", "decorative", "alt_text", "id", "type"}


def _strings(value):
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NON_TEXT_KEYS:
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def stream_text(stream_value):
    """The words of a StreamField value, from its raw data (no block rendering, no queries)."""
    raw = getattr(stream_value, "raw_data", stream_value) or []
    return " ".join(_strings([block.get("value") for block in raw if isinstance(block, dict)]))


def word_count(*texts):
    return sum(len(text.split()) for text in texts if text)


def reading_minutes(words):
    """Whole minutes at an average adult reading speed; at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
