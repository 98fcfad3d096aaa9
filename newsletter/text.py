"""Plain-text versions of editors' rich text, for the text part of an email."""

import html
import re

from django.utils.html import strip_tags

_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_BREAKS = re.compile(r"<br\s*/?>|</(?:p|h[1-6]|ul|ol|div)>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)


def absolute_links(markup, base_url):
    """Site-relative links and images (as rich text stores them) made absolute, for email."""
    root = base_url.rstrip("/")
    return re.sub(r'(\b(?:href|src)=")/(?!/)', lambda m: f"{m.group(1)}{root}/", markup)


def html_to_text(markup, base_url=""):
    """Paragraphs as blank-line separated text, list items as "- ", links as "text (address)"."""

    def link(match):
        href, label = html.unescape(match.group(1)), strip_tags(match.group(2)).strip()
        if base_url and href.startswith("/") and not href.startswith("//"):
            href = base_url.rstrip("/") + href
        return f"{label} ({href})" if href and href != label else label or href

    text = _LINK.sub(link, markup)
    text = _ITEM.sub("- ", text)
    text = _BREAKS.sub("\n\n", text)
    text = html.unescape(strip_tags(text))
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
