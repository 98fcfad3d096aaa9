"""Content Security Policy: strict on the public site, relaxed only where Wagtail's admin needs it."""

from dataclasses import asdict

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings

# Per-response overrides django-csp's decorators may set; any of them means "build it afresh".
OVERRIDES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


class CSPMiddleware(BaseCSPMiddleware):
    """Adds 'unsafe-inline' for scripts and styles under /admin/ only.

    Wagtail's admin templates still contain inline <script> elements (inline panels, date
    pickers) without nonces, so a strict policy would break editing. The admin is only for
    logged-in staff; the public pages, which take visitors' input, keep script-src 'self'.

    Without nonces or per-view overrides the header is the same on every response, so it is
    built once per policy (public or admin) rather than on every request: on a cached page that
    work was a fifth of the response time."""

    admin_prefix = "/admin/"
    _built = {}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(self.admin_prefix):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            update["style-src"] = [*update.get("style-src", []), "'unsafe-inline'"]
            parts.update = update
        return parts

    def process_response(self, request, response):
        reusable = (
            getattr(request, "_csp_nonce", None) is None
            and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and not any(hasattr(response, name) for name in OVERRIDES)
            and HEADER not in response
            and not (settings.DEBUG and response.status_code in (404, 500))
        )
        if not reusable:
            return super().process_response(request, response)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        if request.path_info.startswith(tuple(policy.get("EXCLUDE_URL_PREFIXES") or ())):
            return super().process_response(request, response)
        key = (id(policy), request.path_info.startswith(self.admin_prefix))
        header = self._built.get(key)
        if header is None:
            header = self._built[key] = build_policy(**asdict(self.get_policy_parts(request, response)))
        if header:
            response[HEADER] = header
        # As the base class does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
