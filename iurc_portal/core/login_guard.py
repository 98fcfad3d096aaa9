"""Admin log-in lockout beyond django-axes: credential stuffing and password spraying.

django-axes locks one username from one address (AXES_* settings: 5 failures, one hour). Two
attacks pass under that rule, and are counted here in the shared cache (Redis in production):

- one address trying many usernames: the address is refused for the rest of a fixed window once
  it has failed LOGIN_GUARD["address"][0] times in it, whatever the usernames;
- one username tried from many addresses: the username is refused for the rest of the window once
  it has failed LOGIN_GUARD["username"][0] times in it, except from an address the account has
  logged in from before (django-axes' access log), so an attacker can slow an editor down but never
  lock them out of their usual place of work, and never for longer than one window.

Every lock ends with its window (a fixed window from the first failure: the attacker's further
attempts do not lengthen it), so nobody can lock anyone out for good. Policy:
docs/decisions/2026-11-30-admin-login-lockout.md.
"""

import hashlib

from axes.models import AccessLog
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse

from .http import client_ip

DEFAULTS = {
    # (failures, window in seconds)
    "address": (20, 15 * 60),
    "username": (10, 15 * 60),
}


def limit(name):
    return tuple((getattr(settings, "LOGIN_GUARD", None) or {}).get(name, DEFAULTS[name]))


def _key(scope, value):
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"login-guard:{scope}:{digest}"


def _normalise(username):
    return (username or "").strip().casefold()


def _failures(scope, value):
    return cache.get(_key(scope, value), 0)


def _count(scope, value):
    _max, window = limit(scope)
    key = _key(scope, value)
    # add() sets the expiry with the first failure only: the window is fixed, not sliding.
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)


def connect_signals():
    user_login_failed.connect(record_failure, dispatch_uid="iurc-login-guard")


def record_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    _count("address", client_ip(request) or "unknown")
    username = _normalise(credentials.get("username"))
    if username:
        _count("username", username)


def is_refused(request, username):
    """True when this log-in attempt is refused before the password is even checked."""
    address = client_ip(request) or "unknown"
    if _failures("address", address) >= limit("address")[0]:
        return True
    username = _normalise(username)
    if not username or _failures("username", username) < limit("username")[0]:
        return False
    known = AccessLog.objects.filter(username__iexact=username, ip_address=address).exists()
    return not known


class LoginGuardMiddleware:
    """Answers a refused admin log-in with the lockout page (429) before authentication runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path_info == reverse("wagtailadmin_login")
            and is_refused(request, request.POST.get("username"))
        ):
            return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        return self.get_response(request)
