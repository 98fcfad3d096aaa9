"""BasePage.route() finds the same page as Wagtail's own level-by-level walk, in fewer queries."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_deep_url_costs_two_queries_to_route(rf, home_page, django_assert_num_queries):
    from iurc_portal.core.models import StandardPage

    about = StandardPage(title="About", slug="about")
    home_page.add_child(instance=about)
    team = StandardPage(title="Team", slug="team")
    about.add_child(instance=team)
    with django_assert_num_queries(2):  # every candidate page at once, then the page's own type
        page, _args, _kwargs = home_page.route(rf.get("/"), ["about", "team"])
    assert page.pk == team.pk
