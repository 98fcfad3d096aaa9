from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import (
    ConsentTextPermissionPolicy,
    NewsletterViewSetGroup,
    SubscriberPermissionPolicy,
)
from .models import ConsentText, Subscriber

# Registered before the viewsets so they pick these policies up instead of the default.
register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
register_permission_policy(ConsentText, ConsentTextPermissionPolicy(ConsentText))


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return NewsletterViewSetGroup()
