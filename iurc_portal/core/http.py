"""Request helpers shared by the apps."""

import codecs
import logging
import sys

from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.paginator import InvalidPage
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.utils.http import parse_header_parameters
from django.views.defaults import bad_request

logger = logging.getLogger(__name__)

# Set by guard_wsgi on a request whose Content-Type Django could not even parse.
INVALID_CONTENT_TYPE = "iurc.invalid_content_type"
FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# An error page has nothing to load, embed or be embedded by.
ERROR_PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


def client_ip(request):
    """The visitor's IP address.

    Behind N trusted proxies (TRUSTED_PROXY_COUNT), the address is the N-th from the right of
    X-Forwarded-For: the left part of that header is whatever the client chose to send, so
    trusting it would let anyone dodge the rate limits and the admin lockout.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set, on every response (cached pages and
    static files included, as it sits next to it): no powerful browser features for anyone,
    and our resources are not to be embedded by other sites."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": settings.PERMISSIONS_POLICY,
            "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
        }

    def __call__(self, request):
        response = self.get_response(request)
        for header, value in self.headers.items():
            if value:
                response.headers.setdefault(header, value)
        return response


def security_headers():
    """The headers every response carries, for answers made outside Django's middleware."""
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
        "Cross-Origin-Opener-Policy": settings.SECURE_CROSS_ORIGIN_OPENER_POLICY,
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": ERROR_PAGE_POLICY,
        "Permissions-Policy": settings.PERMISSIONS_POLICY,
        "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
    }
    return {name: value for name, value in headers.items() if value}


def guard_wsgi(application):
    """Wrap the WSGI application so that no request ends as a bare server error.

    Django builds its request object before any middleware runs, and that raises on a
    Content-Type it cannot parse (an RFC 2231 parameter naming an unknown encoding, such as
    `boundary*=nope''x`): gunicorn would answer a bare 500 without our headers. Such a request
    goes on with an inert Content-Type and a mark that RequestBodyMiddleware turns into a 400.
    Anything else escaping Django gets a plain 500 with the security headers."""

    def guarded(environ, start_response):
        try:
            parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        except ValueError:
            environ[INVALID_CONTENT_TYPE] = environ.get("CONTENT_TYPE", "")
            environ["CONTENT_TYPE"] = "application/octet-stream"
        try:
            return application(environ, start_response)
        except Exception:
            logger.exception("Django could not answer the request")
            headers = [("Content-Type", "text/plain; charset=utf-8"), *security_headers().items()]
            start_response("500 Internal Server Error", headers, sys.exc_info())
            return [b"Server error (500)\n"]

    return guarded


class RequestBodyMiddleware:
    """Parses a form body first thing, so that bad input is a clear 400, never a 500.

    The portal takes forms in UTF-8 only (every page declares it). A body declaring any other
    or an unknown charset, a multipart body Django cannot read, or a Content-Type guard_wsgi
    marked as unreadable is refused here, with the security headers, before any view sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self.problem(request)
        if problem:
            response = bad_request(request, BadRequest(problem))
            for header, value in security_headers().items():
                response.headers.setdefault(header, value)
            return response
        return self.get_response(request)

    def problem(self, request):
        if INVALID_CONTENT_TYPE in request.META:
            return "Unreadable Content-Type header."
        if request.content_type not in FORM_CONTENT_TYPES or request.method in ("GET", "HEAD"):
            return None
        charset = request.content_params.get("charset")
        if charset is not None:
            try:
                name = codecs.lookup(charset).name
            except LookupError:
                name = None
            if name != "utf-8":
                return "Forms are accepted in UTF-8 only."
        try:
            request.POST  # noqa: B018 - parsing is the point
            request.FILES  # noqa: B018
        except (BadRequest, MultiPartParserError, LookupError, ValueError, UnicodeError) as error:
            return f"Unreadable form: {error}"
        return None


def page_or_404(paginator, request):
    """The page of `paginator` that `?page=` names: the first without it, the last for "last".

    A number past the end, or anything that is not a number, is a 404: showing the last page
    under another page's address would tell search engines that page exists."""
    number = request.GET.get("page") or 1
    if number == "last":
        number = paginator.num_pages
    try:
        return paginator.page(number)
    except InvalidPage as error:
        raise Http404(str(error)) from error
