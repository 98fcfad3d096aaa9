"""The one cache layer: whole pages for anonymous visitors, in a Redis that never takes the site down.

1. Anonymous GET/HEAD requests (no session or messages cookie) for public paths are answered from
   the cache; editors, form results and anything marked private are always rendered.
2. The key is the site's host, the path, the language and the page's own query parameters
   (PAGE_CACHE_QUERY_PARAMETERS, sorted); any other parameter (utm_source, fbclid, typos) is taken
   off the request before the page renders, so such addresses share one entry and one page.
3. Every entry records the generation it was rendered in; publishing, unpublishing, moving or
   deleting a page, or saving a taxonomy, the site settings, an image or a view restriction starts
   a new generation, so every page is fresh at once; entries also expire after PAGE_CACHE_SECONDS,
   or sooner when what the page shows changes with the clock (`expire_page_at`: a call that
   closes at 17:00 is never served as open from the cache at 17:00).
4. An entry is plain text (status, headers, HTML with the CSRF token cut out) under a key that names
   its shape, so no release ever reads another's objects; each visitor's token is put back on the
   way out ("hole punching").
5. Redis unreachable means "no cache" for a while, never an error page; nothing else is cached, so
   an uncached page must be fast on its own.
"""

import hashlib
import logging
import math
import re
import time
import uuid
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import translation
from django.utils.http import urlencode

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
        import redis

        # Lua scripts go through a client of our own (redis-py's public API) on the same server.
        self._script_client = None
        self._location = server.split(",")[0] if isinstance(server, str) else server[0]
        self._socket_options = {
            name: options[name] for name in ("socket_connect_timeout", "socket_timeout") if name in options
        }

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
        import redis

        if self._script_client is None:
            self._script_client = redis.Redis.from_url(self._location, **self._socket_options)
        scripts = self.__dict__.setdefault("_scripts", {})
        script = scripts.get(source)
        if script is None:
            # EVALSHA, falling back to EVAL once per server that hasn't seen the script.
            script = scripts[source] = self._script_client.register_script(source)
        return script(keys=[self.make_and_validate_key(key) for key in keys], args=list(args))


GENERATION_KEY = "pagecache:generation"
# The generation read for a request, kept on it for core.sitewide.
GENERATION_ATTRIBUTE = "iurc_cache_generation"
# The number names the shape of an entry: a release that changes it starts with an empty cache.
ENTRY_PREFIX = "pagecache:3:"
CSRF_PLACEHOLDER = "__PAGE_CACHE_CSRF_TOKEN__"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
STORED_HEADERS_SKIP = {"content-length", "set-cookie", "x-page-cache"}
# Longer query strings are rendered but not stored: nobody links to them, anybody can make them.
MAX_CACHED_QUERY_LENGTH = 200


EXPIRY_ATTRIBUTE = "page_cache_expires_at"


def expire_page_at(request, moment):
    """Keep the page being rendered in the cache no later than `moment` (an aware datetime).

    For content that changes with the clock rather than with a publish (a call's status); any
    part of a page may call it, and the earliest moment wins."""
    if request is None or moment is None:
        return
    current = getattr(request, EXPIRY_ATTRIBUTE, None)
    if current is None or moment < current:
        setattr(request, EXPIRY_ATTRIBUTE, moment)


def bump_generation(**_kwargs):
    """Start a new cache generation: every cached page is stale from now on."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def read_with_generation(key):
    """(the current generation, the entry under `key` or None), in one round trip."""
    found = cache.get_many([GENERATION_KEY, key])
    return found.get(GENERATION_KEY) or "0", found.get(key)


def page_query(request):
    """The request's own query parameters, as a normalised query string: the allowed names,
    sorted, blank values dropped. Everything else in the query string changes nothing on a page."""
    allowed = settings.PAGE_CACHE_QUERY_PARAMETERS
    kept = sorted(
        (name, value)
        for name in request.GET
        if name in allowed
        for value in request.GET.getlist(name)
        if value
    )
    return urlencode(kept)


def url_language(path):
    """The language a path is served in: its prefix (/es/...), or the source language."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


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
        query = page_query(request)
        if query != request.META.get("QUERY_STRING", ""):
            # Render the page the key names: tracking parameters must not reach its links.
            request.META["QUERY_STRING"] = query
            request.GET = QueryDict(query)
        if len(query) > MAX_CACHED_QUERY_LENGTH:
            return self.get_response(request)
        key = self.key(request, query)
        generation, entry = read_with_generation(key)
        setattr(request, GENERATION_ATTRIBUTE, generation)
        if entry and entry["generation"] == generation and not self._expired(entry):
            # The visitor's CSRF cookie is read (or a new one made) as for a rendered page, and
            # set on the way out when it is new.
            self.csrf.process_request(request)
            return self.csrf.process_response(request, self._rebuild(request, entry))

        response = self.get_response(request)
        if self._cacheable_response(request, response):
            timeout = settings.PAGE_CACHE_SECONDS
            expires_at = getattr(request, EXPIRY_ATTRIBUTE, None)
            if expires_at is not None:
                timeout = min(timeout, math.ceil(expires_at.timestamp() - time.time()))
            if timeout > 0:
                entry = self._freeze(response, generation)
                if expires_at is not None:
                    entry["expires"] = expires_at.timestamp()
                cache.set(key, entry, timeout)
                response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _expired(entry):
        # Redis drops the entry at its time-out too; this check keeps the moment exact.
        expires = entry.get("expires")
        return expires is not None and time.time() >= expires

    @staticmethod
    def key(request, query):
        """Everything a cached page varies on: host, path, language and its own parameters.

        The language is the URL's, as LocaleMiddleware finds it (a prefix, or none for English;
        never a cookie or Accept-Language), so each language has its own copy of a page."""
        language = url_language(request.path_info)
        name = f"{request.scheme}://{request.get_host()}{request.path}?{query}#{language}"
        return ENTRY_PREFIX + hashlib.sha256(name.encode()).hexdigest()

    @staticmethod
    def _cacheable_request(request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return False
        path = request.path_info
        prefix = translation.get_language_from_path(path)
        if prefix:  # /es/newsletter/ is excluded as /newsletter/ is
            path = path[len(prefix) + 1 :]
        if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
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
