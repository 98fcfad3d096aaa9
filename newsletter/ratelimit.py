"""Fixed-window counters in the Django cache (Redis in production, shared by all processes).

On Redis each check is one Lua script, so one round trip however many keys it touches; any
other cache (local memory in development and tests) uses the same rules through add/incr."""

import hashlib
import math

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

# A fixed-window counter: counts one hit and returns the count including it. The expiry is set
# by the first hit of a window (and mended if a counter ever lost it).
COUNT_LUA = """
local function count(key, window_ms)
  local n = redis.call('INCR', key)
  if n == 1 or redis.call('PTTL', key) < 0 then
    redis.call('PEXPIRE', key, window_ms)
  end
  return n
end
"""

# KEYS[1]: counter; ARGV[1]: window in ms.
HIT_SCRIPT = COUNT_LUA + "return count(KEYS[1], ARGV[1])\n"

# KEYS[1]: resend marker, KEYS[2]: address counter; ARGV: interval ms, window ms, max count.
# 1 when an email may go now, 0 when the interval or the daily count says no.
EMAIL_SCRIPT = (
    COUNT_LUA
    + """
if not redis.call('SET', KEYS[1], 1, 'NX', 'PX', ARGV[1]) then
  return 0
end
if count(KEYS[2], ARGV[2]) <= tonumber(ARGV[3]) then
  return 1
end
return 0
"""
)


def limit(name):
    configured = getattr(settings, "NEWSLETTER_RATE_LIMITS", {}) or {}
    return tuple(configured.get(name, DEFAULTS[name]))


def _key(scope, value):
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"newsletter:rl:{scope}:{digest}"


def _ms(seconds):
    return max(1, math.ceil(seconds * 1000))


def _count(key, window):
    """Count one event in the key's window (any cache backend); returns the new count."""
    # add() is atomic and only sets the key (and its expiry) when it's missing.
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return 1


def hit(scope, value, max_count, window):
    """Count one event; True while the count stays within max_count for the window."""
    key = _key(scope, value)
    if hasattr(cache, "run_script"):
        # While Redis is down the limit fails open: every hit counts as the first.
        count = cache.run_script(HIT_SCRIPT, [key], [_ms(window)], default=1)
    else:
        count = _count(key, window)
    return count <= max_count


def allow_ip(ip):
    max_count, window = limit("ip")
    return hit("ip", ip or "unknown", max_count, window)


def allow_confirmation_email(email_normalized):
    """Throttle re-sends: one per interval, a few per day, silently."""
    _one, interval = limit("resend_interval")
    max_count, window = limit("address")
    resend_key, address_key = _key("resend", email_normalized), _key("address", email_normalized)
    if hasattr(cache, "run_script"):
        args = [_ms(interval), _ms(window), max_count]
        return bool(cache.run_script(EMAIL_SCRIPT, [resend_key, address_key], args, default=1))
    if not cache.add(resend_key, 1, timeout=interval):
        return False
    return _count(address_key, window) <= max_count
