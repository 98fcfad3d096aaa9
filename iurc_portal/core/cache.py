"""Caching: a Redis cache that never takes the site down, and full-page caching for visitors.

Full-page cache design
----------------------
* Anonymous GET/HEAD requests (no session or messages cookie) for public paths are served from the
  cache; editors, form results and anything marked private are never cached.
* Invalidation is by generation: every cache entry records the generation it was rendered in, and
  publishing, unpublishing, moving or deleting a page, or changing a taxonomy or the site settings,
  starts a new generation. Listings (home, regions, news) show many pages, so invalidating everything
  at once is the only rule that is never stale; publishing is rare next to reading.
* Entries also expire after PAGE_CACHE_SECONDS, so time-dependent listings ("upcoming events") move on
  without a publish.
* Every page carries the footer sign-up form and so a CSRF token. The token is cut out before
  storing and a fresh one for the current visitor is put back when serving ("hole punching"), so a
  cached page never hands one visitor's token to another.
"""

import hashlib
import logging
import re
import time
import uuid
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token

logger = logging.getLogger(__name__)


def _fail_open(default):
    """Run the cache call; if Redis is unreachable, log, back off for a while and return `default`."""

    def decorator(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._retry_at:
                return default(*args, **kwargs) if callable(default) else default
            try:
                return method(self, *args, **kwargs)
            except self._errors as error:
                self._retry_at = time.monotonic() + self._backoff
                logger.warning(
                    "Redis cache unavailable (%s); serving without cache for %ss", error, self._backoff
                )
                return default(*args, **kwargs) if callable(default) else default

        return wrapper

    return decorator


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis client builds a new redis.Redis object (copying ~170 response callbacks)
    for every cache call; one per connection pool is enough, and cheaper on every request."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, except that an unreachable Redis means "no cache", not an error page.

    After a failure the process stops trying for REDIS_RETRY_SECONDS, so a dead Redis costs one
    connection timeout per process and interval, not one per request. Rate limits built on
    `add`/`incr` fail open (they count as a first attempt) while Redis is down."""

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        self._backoff = float(options.pop("retry_seconds", 10))
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        import redis

        self._errors = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)
        self._retry_at = 0.0

    get = _fail_open(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _fail_open(lambda keys, version=None: {})(RedisCache.get_many)
    set = _fail_open(None)(RedisCache.set)
    set_many = _fail_open(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    add = _fail_open(True)(RedisCache.add)
    touch = _fail_open(False)(RedisCache.touch)
    delete = _fail_open(False)(RedisCache.delete)
    delete_many = _fail_open(None)(RedisCache.delete_many)
    has_key = _fail_open(False)(RedisCache.has_key)
    incr = _fail_open(lambda key, delta=1, version=None: delta)(RedisCache.incr)
    clear = _fail_open(None)(RedisCache.clear)

    @_fail_open(lambda source, keys, args, default: default)
    def run_script(self, source, keys, args, default):
        """Run a Lua script on Redis in one round trip; `default` while Redis is unreachable.

        Keys are cache keys (prefixed and versioned like any other). Redis runs a script
        atomically, which is what counters and check-and-set steps need."""
        client = self._cache.get_client(write=True)
        scripts = self.__dict__.setdefault("_scripts", {})
        script = scripts.get((id(client), source))
        if script is None:
            # EVALSHA, falling back to EVAL once per server that hasn't seen the script.
            script = scripts[(id(client), source)] = client.register_script(source)
        return script(keys=[self.make_and_validate_key(key) for key in keys], args=list(args))


GENERATION_KEY = "pagecache:generation"
CSRF_PLACEHOLDER = "__PAGE_CACHE_CSRF_TOKEN__"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
STORED_HEADERS_SKIP = {"content-length", "set-cookie", "x-page-cache"}


def read_with_generation(key):
    """(the current generation, the entry under `key` or None), in one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    return found.get(GENERATION_KEY) or "0", found.get(key)


def generation_cached(key, compute, timeout=3600):
    """`compute()`, remembered until the next publish (or anything else that starts a generation).

    For small things many pages show and publishing changes: the one page of a section (its URL
    for "see all" links), site-wide counts, the site settings. One cache round trip when fresh."""
    if len(key) > 120 or not key.isprintable() or " " in key:
        key = hashlib.sha256(key.encode()).hexdigest()  # keys from visitors' filters stay short and safe
    key = f"generation-cached:{key}"
    generation, entry = read_with_generation(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    cache.set(key, (generation, value), timeout)
    return value


def cached_for_visitors(request, key, compute, timeout=3600):
    """generation_cached(), except in an editor's preview, which must show unsaved changes."""
    if getattr(request, "is_preview", False):
        return compute()
    return generation_cached(key, compute, timeout)


def bump_generation(**_kwargs):
    """Start a new cache generation: every cached page is stale from now on."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


class PageCacheMiddleware:
    """Serve anonymous visitors' pages from the cache (see the module docstring).

    Placed early (right after the security and static-file middleware), so a hit skips the
    session, locale, CSRF, auth, messages and header middleware: a stored page keeps the headers
    they added (CSP, X-Frame-Options, Vary, Content-Language), and the one thing that differs per
    visitor, the CSRF token and its cookie, is done here with Django's own CSRF middleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = "pagecache:page:" + uuid.uuid5(uuid.NAMESPACE_URL, request.build_absolute_uri()).hex
        generation, entry = read_with_generation(key)
        if entry and entry["generation"] == generation:
            # The visitor's CSRF cookie is read (or a new one made) as for a rendered page, and
            # set on the way out when it is new.
            self.csrf.process_request(request)
            return self.csrf.process_response(request, self._rebuild(request, entry))

        response = self.get_response(request)
        if self._cacheable_response(request, response):
            cache.set(key, self._freeze(response, generation), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return False
        if request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
            return False
        # A session (a logged-in editor) or pending messages make the page personal.
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
            return False
        messages = getattr(request, "_messages", None)
        if messages is not None and getattr(messages, "_queued_messages", None):
            return False
        user = getattr(request, "user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def _freeze(response, generation):
        content = response.content.decode(response.charset or "utf-8")
        content = CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", content)
        headers = [(k, v) for k, v in response.items() if k.lower() not in STORED_HEADERS_SKIP]
        return {
            "generation": generation,
            "status": response.status_code,
            "headers": headers,
            "content": content,
        }

    @staticmethod
    def _rebuild(request, entry):
        content = entry["content"]
        if CSRF_PLACEHOLDER in content:
            content = content.replace(CSRF_PLACEHOLDER, get_token(request))
        response = HttpResponse(content, status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["Content-Length"] = str(len(response.content))
        response["X-Page-Cache"] = "hit"
        return response


def connect_invalidation_signals():
    """Start a new generation whenever what visitors see may have changed."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"pagecache-{id(signal)}")

    from wagtail.models import Page

    def on_delete(sender, instance, **kwargs):
        if isinstance(instance, Page) or sender._meta.label in settings.PAGE_CACHE_INVALIDATING_MODELS:
            bump_generation()

    def on_save(sender, instance, created=False, **kwargs):
        # Site settings are created with their defaults on the first page view; that changes
        # nothing visitors see, and must not throw away what that very request cached.
        if created and sender._meta.label == "core.SiteSettings":
            return
        if sender._meta.label in settings.PAGE_CACHE_INVALIDATING_MODELS:
            bump_generation()

    post_delete.connect(on_delete, dispatch_uid="pagecache-delete", weak=False)
    post_save.connect(on_save, dispatch_uid="pagecache-save", weak=False)

    from wagtail.models import PageViewRestriction

    from .query import forget_restricted_paths

    post_save.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="restricted-save")
    post_delete.connect(forget_restricted_paths, sender=PageViewRestriction, dispatch_uid="restricted-delete")
    post_page_move.connect(forget_restricted_paths, dispatch_uid="restricted-move")
