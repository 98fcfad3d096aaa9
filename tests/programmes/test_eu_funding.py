"""The EU emblem and funding statement: self-hosted, with the sole-responsibility disclaimer."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def test_funding_include_shows_emblem_statement_and_disclaimer():
    html = render_to_string("includes/eu_funding.html", {"organisation": "the IURC team"})
    assert "Funded by the European Union" in html
    assert "sole responsibility of the IURC team" in html
    assert 'src="/static/img/eu-emblem.svg"' in html  # served by us, never a third party
    assert 'alt="Flag of the European Union"' in html
    with open(finders.find("img/eu-emblem.svg")) as emblem:
        svg = emblem.read()
    assert svg.count("<polygon") == 12 and "#039" in svg
