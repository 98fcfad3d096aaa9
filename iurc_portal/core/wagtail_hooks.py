"""Wagtail hooks for site-wide rules.

Taxonomy snippets are registered by the apps that own them and grouped in the admin
menu there; site settings register themselves through `@register_setting`.
"""

from django.http import HttpResponseNotAllowed
from wagtail import hooks

PAGE_METHODS = ("GET", "HEAD")


@hooks.register("before_serve_page")
def pages_answer_only_get_and_head(page, request, serve_args, serve_kwargs):
    """Pages are read, never written: PUT, DELETE, PATCH, TRACE and the like get 405, not the page.

    Forms post to their own views (the sign-up, Wagtail's password form), never to a page."""
    if request.method not in PAGE_METHODS:
        return HttpResponseNotAllowed(PAGE_METHODS)
    return None
