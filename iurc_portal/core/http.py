"""Request helpers shared by the apps."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404


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
