"""Content Security Policy: strict on the public site, relaxed only where Wagtail's admin needs it."""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware


class CSPMiddleware(BaseCSPMiddleware):
    """Adds 'unsafe-inline' for scripts and styles under /admin/ only.

    Wagtail's admin templates still contain inline <script> elements (inline panels, date
    pickers) without nonces, so a strict policy would break editing. The admin is only for
    logged-in staff; the public pages, which take visitors' input, keep script-src 'self'.
    (Pages served from the page cache keep the header they were stored with.)"""

    admin_prefix = "/admin/"

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(self.admin_prefix):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            update["style-src"] = [*update.get("style-src", []), "'unsafe-inline'"]
            parts.update = update
        return parts
