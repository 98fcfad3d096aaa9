from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from iurc_portal.core.http import client_ip
from iurc_portal.core.query import section_page

from . import ratelimit, services
from .forms import HONEYPOT_FIELD, TIME_FIELD, SignupForm
from .models import NewsletterPage, Subscriber
from .tokens import read_form_time_token, read_unsubscribe_token

MESSAGE_TAG = "newsletter"
STATUS_ANCHOR = "#newsletter-status"


def newsletter_page(request):
    """The site's sign-up page with all its fields (it is rendered), or None."""
    found = section_page(NewsletterPage, request)
    return NewsletterPage.objects.get(pk=found.pk) if found is not None else None


def newsletter_page_url(request):
    page = section_page(NewsletterPage, request)
    return (page.get_url(request) if page else None) or "/"


def clean_source(request, value):
    """The page the form was sent from: a local path, or the sign-up page when it isn't."""
    value = value if isinstance(value, str) else ""
    if (
        not value
        or len(value) > 255
        or not value.startswith("/")
        or value.startswith("//")
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in value)
        or not url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()})
    ):
        return newsletter_page_url(request)
    return value


def looks_like_a_bot(data):
    """Honeypot filled in, or the signed form time missing, forged or implausibly recent."""
    if data.get(HONEYPOT_FIELD):
        return True
    age = read_form_time_token(data.get(TIME_FIELD))
    return age is None or age < getattr(settings, "NEWSLETTER_MIN_FORM_SECONDS", 2)


def _thanks(request, source):
    # Identical for new, pending, confirmed and unsubscribed addresses, and for bots.
    messages.success(
        request,
        _(
            "Thank you! Please check your inbox: we have sent you a link to confirm your "
            "subscription. If nothing arrives within a few minutes, look in your spam folder."
        ),
        extra_tags=MESSAGE_TAG,
    )
    return redirect(source + STATUS_ANCHOR)


def render_signup(request, form, status=200):
    if form.is_bound:
        form.prepare_to_render()
    page = newsletter_page(request)
    context = {"page": page, "self": page, "form": form, "newsletter_full_form": True}
    return render(request, "newsletter/newsletter_page.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        return redirect(newsletter_page_url(request))
    source = clean_source(request, request.POST.get("source"))
    if not ratelimit.allow_ip(client_ip(request)):
        return render(request, "newsletter/rate_limited.html", {"source": source}, status=429)
    if looks_like_a_bot(request.POST):
        return _thanks(request, source)
    form = SignupForm(request.POST, source=source, request=request)
    if not form.is_valid():
        return render_signup(request, form, status=400)
    data = form.cleaned_data
    services.subscribe(
        email=data["email"],
        email_normalized=data["email_normalized"],
        regions=data["regions"],
        themes=data["themes"],
        consent_text=data["consent_text_obj"],
        source=source,
        locale=get_language() or "",
    )
    return _thanks(request, source)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "POST":
        subscriber, changed = services.confirm(token, source=request.path[:255], locale=get_language() or "")
        if changed or (subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED):
            return render(request, "newsletter/confirmed.html", {"already": not changed})
        return render(
            request,
            "newsletter/link_invalid.html",
            {"kind": "confirm", "signup_url": newsletter_page_url(request)},
            status=404,
        )
    subscriber = services.find_by_token(token)
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        return render(request, "newsletter/confirmed.html", {"already": True})
    if subscriber is None or subscriber.status != Subscriber.Status.PENDING:
        return render(
            request,
            "newsletter/link_invalid.html",
            {"kind": "confirm", "signup_url": newsletter_page_url(request)},
            status=404,
        )
    return render(request, "newsletter/confirm.html", {"action": request.path})


def mask_email(address):
    local, _at, domain = address.rpartition("@")
    if not local:
        return address
    return f"{local[0]}{'•' * min(max(len(local) - 1, 2), 8)}@{domain}"


@csrf_exempt  # RFC 8058 one-click POSTs come from mail providers, without a CSRF cookie;
@never_cache  # the signed token in the address is what authorises the request.
def unsubscribe(request, token):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscriber_id = read_unsubscribe_token(token)
    if subscriber_id is None:
        return render(request, "newsletter/link_invalid.html", {"kind": "unsubscribe"}, status=400)
    if request.method == "POST":
        services.unsubscribe(subscriber_id, source=request.path[:255], locale=get_language() or "")
        return render(request, "newsletter/unsubscribed.html", {"signup_url": newsletter_page_url(request)})
    subscriber = Subscriber.objects.filter(pk=subscriber_id).only("email", "status").first()
    active = subscriber is not None and subscriber.status in (
        Subscriber.Status.PENDING,
        Subscriber.Status.CONFIRMED,
    )
    if not active:
        return render(request, "newsletter/unsubscribed.html", {"signup_url": newsletter_page_url(request)})
    return render(
        request,
        "newsletter/unsubscribe.html",
        {
            "masked_email": mask_email(subscriber.email),
            "action": reverse("newsletter:unsubscribe", args=[token]),
        },
    )
