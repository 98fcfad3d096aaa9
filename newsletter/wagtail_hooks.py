from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from .admin_sending import can_send
from .admin_views import (
    ConsentTextPermissionPolicy,
    NewsletterViewSetGroup,
    SubscriberPermissionPolicy,
)
from .models import ConsentText, NewsletterIssuePage, Subscriber

# Registered before the viewsets so they pick these policies up instead of the default.
register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
register_permission_policy(ConsentText, ConsentTextPermissionPolicy(ConsentText))


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return NewsletterViewSetGroup()


@hooks.register("register_page_header_buttons")
def issue_send_buttons(page, user, view_name=None, next_url=None):
    if not isinstance(page.specific_deferred, NewsletterIssuePage):
        return
    if page.permissions_for_user(user).can_edit():
        yield Button(
            _("Send a test to my address"),
            url=reverse("newsletter_issues:test", args=[page.pk]),
            icon_name="mail",
            priority=79,
        )
    if can_send(user):
        yield Button(
            _("Send…"), url=reverse("newsletter_issues:send", args=[page.pk]), icon_name="mail", priority=80
        )
