import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from iurc_portal.core.factories import UserFactory
from news.factories import EventPageFactory, NewsArticlePageFactory
from news.management.commands.setup_editorial_workflow import WORKFLOW_NAME, setup_editorial_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflow(news_index, event_index):
    setup_editorial_workflow()


def member_of(group_name, username):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(workflow):
    return member_of("Editors", "editor")


@pytest.fixture
def moderator(workflow):
    return member_of("Moderators", "moderator")


@pytest.fixture
def draft(news_index):
    page = NewsArticlePageFactory(parent=news_index, title="Draft story", slug="draft-story", live=False)
    page.save_revision()
    return page


def edit_form(page, **extra):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": "2026-11-20",
            "author": "IURC team",
            "intro": "What happened.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def test_setup_command_is_idempotent_and_attaches_the_workflow(news_index, event_index, capsys):
    call_command("setup_editorial_workflow")
    assert "items set up" in capsys.readouterr().out
    call_command("setup_editorial_workflow")
    assert "nothing to do" in capsys.readouterr().out

    for index in (news_index, event_index):
        assert WorkflowPage.objects.get(page=index).workflow.name == WORKFLOW_NAME
    (task,) = WorkflowPage.objects.get(page=news_index).workflow.tasks.all()
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Moderators"]


def test_rerun_keeps_the_workflow_an_admin_chose_for_a_section(news_index, event_index):
    setup_editorial_workflow()
    other = Workflow.objects.create(name="Board sign-off", active=True)
    WorkflowPage.objects.filter(page=news_index).update(workflow=other)

    added = setup_editorial_workflow()

    assert WorkflowPage.objects.get(page=news_index).workflow == other
    assert WorkflowPage.objects.get(page=event_index).workflow.name == WORKFLOW_NAME
    assert added == []


def test_a_new_section_without_a_workflow_gets_one(news_index):
    from news.factories import EventIndexPageFactory

    setup_editorial_workflow()
    event_index = EventIndexPageFactory()

    added = setup_editorial_workflow()

    assert added == ["workflow on “Events”"]
    assert WorkflowPage.objects.get(page=event_index).workflow.name == WORKFLOW_NAME


def test_editor_can_edit_and_submit_but_not_publish(editor, draft, event_index):
    perms = draft.permissions_for_user(editor)
    assert perms.can_edit() and perms.can_submit_for_moderation()
    assert not perms.can_publish()
    assert not EventPageFactory(parent=event_index).permissions_for_user(editor).can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_moderator_can_publish(moderator, draft):
    assert draft.permissions_for_user(moderator).can_publish()


def test_editor_publish_attempt_only_saves_a_draft(client, editor, draft):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    response = client.post(url, edit_form(draft, title="Edited title", **{"action-publish": "1"}))

    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision().content["title"] == "Edited title"


def test_editor_submits_and_moderator_approves_through_the_admin(client, editor, moderator, draft):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), edit_form(draft, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    draft.refresh_from_db()
    assert not draft.live
    assert client.get("/news/draft-story/").status_code == 404

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get("/news/draft-story/").status_code == 200


def test_scheduled_article_is_hidden_until_its_go_live_time(client, draft):
    go_live = timezone.now() + datetime.timedelta(hours=3)
    draft.go_live_at = go_live
    draft.save_revision().publish()

    draft.refresh_from_db()
    assert not draft.live
    assert client.get("/news/draft-story/").status_code == 404
    assert "Draft story" not in client.get("/news/").content.decode()

    call_command("publish_scheduled")  # too early: nothing happens
    assert not Page.objects.get(pk=draft.pk).live

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")

    assert Page.objects.get(pk=draft.pk).live
    assert client.get("/news/draft-story/").status_code == 200
    assert "Draft story" in client.get("/news/").content.decode()


def test_expired_article_is_unpublished(client, news_index):
    page = NewsArticlePageFactory(parent=news_index, slug="expiring")
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert client.get("/news/expiring/").status_code == 200

    with mock.patch("django.utils.timezone.now", return_value=page.expire_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")

    assert client.get("/news/expiring/").status_code == 404
