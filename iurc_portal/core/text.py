"""Small text formatters shared by the apps' models and templates."""

from django.utils.translation import gettext as _


def year_range(start, end):
    """“2021–2023”; “2021” when both are the same or there is no end; “until 2023” with only an end."""
    if start and end and start != end:
        return f"{start}–{end}"
    if start:
        return str(start)
    if end:
        return _("until %(year)s") % {"year": end}
    return ""
