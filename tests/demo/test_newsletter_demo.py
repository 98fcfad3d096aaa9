"""The newsletter's demo: the archive holds one example issue, marked as such, sent to nobody."""

import pytest

from newsletter.models import NewsletterArchivePage, NewsletterIssuePage

pytestmark = pytest.mark.django_db


def test_demo_archive_shows_the_example_issue_marked_as_an_example(client, demo_site):
    archive = NewsletterArchivePage.objects.get()
    issue = NewsletterIssuePage.objects.get(is_example=True)
    host = {"HTTP_HOST": archive.get_site().hostname}
    listing = client.get(archive.url, **host).content.decode()
    assert issue.title in listing and "Example issue" in listing
    page = client.get(issue.url, **host)
    assert page.status_code == 200
    assert "Example issue: written to show what the newsletter looks like" in page.content.decode()
    assert not issue.send.deliveries.exists()  # nobody was sent anything
