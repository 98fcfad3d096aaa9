"""Fixed-window counters in the Django cache (Redis in production, shared by all processes)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

DEFAULTS = {
    # Sign-up posts per client IP: (count, window in seconds). Over it: HTTP 429.
    "ip": (20, 3600),
    # Confirmation emails per address: (count, window). Over it: nothing is sent, same response.
    "address": (3, 24 * 3600),
    # Minimum seconds between two confirmation emails to one address.
    "resend_interval": (1, 600),
}


def limit(name):
    configured = getattr(settings, "NEWSLETTER_RATE_LIMITS", {}) or {}
    return tuple(configured.get(name, DEFAULTS[name]))


def _key(scope, value):
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"newsletter:rl:{scope}:{digest}"


def hit(scope, value, max_count, window):
    """Count one event; True while the count stays within max_count for the window."""
    key = _key(scope, value)
    # add() is atomic and only sets the key (and its expiry) when it's missing.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= max_count


def allow_ip(ip):
    max_count, window = limit("ip")
    return hit("ip", ip or "unknown", max_count, window)


def allow_confirmation_email(email_normalized):
    """Throttle re-sends: one per interval, a few per day, silently."""
    _one, interval = limit("resend_interval")
    if not cache.add(_key("resend", email_normalized), 1, timeout=interval):
        return False
    max_count, window = limit("address")
    return hit("address", email_normalized, max_count, window)
