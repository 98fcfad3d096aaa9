"""Wagtail admin for sending issues: the list of issues with their outcomes, the send form
(with the exact audience and a confirmation step) and "send a test to my address".

Sending needs the `newsletter.send_issue` permission (moderators, "Newsletter managers",
superusers); a test send needs only the right to edit the issue, so editors can check their work."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateTimeInput

from .audience import audience
from .models import Delivery, IssueSend, NewsletterIssuePage
from .tasks import send_issue_test

SEND_PERMISSION = "newsletter.send_issue"


def can_send(user):
    return user.is_active and user.has_perm(SEND_PERMISSION)


class SenderRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_send(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class IssueIndexView(SenderRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/issue_index.html"
    page_title = _("Newsletter issues")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issues = list(
            NewsletterIssuePage.objects.select_related("send").order_by("-latest_revision_created_at", "-pk")[
                :100
            ]
        )
        counts = {}
        for row in (
            Delivery.objects.filter(send__issue__in=issues)
            .values("send__issue_id", "status")
            .annotate(n=Count("pk"))
        ):
            counts.setdefault(row["send__issue_id"], {})[row["status"]] = row["n"]
        for issue_counts in counts.values():
            issue_counts["waiting"] = issue_counts.get("queued", 0) + issue_counts.get("sending", 0)
        context["rows"] = [
            (issue, getattr(issue, "send", None), counts.get(issue.pk, {})) for issue in issues
        ]
        return context


class SendForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=[("now", _("Send now")), ("later", _("Send at a set time"))],
        widget=forms.RadioSelect,
        initial="now",
    )
    send_at = forms.DateTimeField(label=_("Send at"), required=False, widget=AdminDateTimeInput)
    expected_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    confirm = forms.BooleanField(
        label=_("I have checked the preview and want to send this issue to the number of subscribers shown."),
    )

    def __init__(self, *args, audience_count, **kwargs):
        super().__init__(*args, **kwargs)
        self.audience_count = audience_count
        self.fields["expected_count"].initial = audience_count

    def clean_expected_count(self):
        value = self.cleaned_data["expected_count"]
        if value != self.audience_count:
            raise forms.ValidationError(
                _("The audience changed to %(count)s subscribers meanwhile: check and confirm again.")
                % {"count": self.audience_count}
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("when") == "later":
            send_at = cleaned.get("send_at")
            if send_at is None:
                self.add_error("send_at", _("Give the date and time to send at."))
            elif send_at <= timezone.now():
                self.add_error("send_at", _("Choose a time in the future, or send now."))
        return cleaned


class IssueMixin:
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.issue = get_object_or_404(NewsletterIssuePage, pk=kwargs["pk"])

    @cached_property
    def issue_send(self):
        return IssueSend.objects.filter(issue=self.issue).first()


class SendIssueView(SenderRequiredMixin, IssueMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "newsletter/admin/issue_send.html"
    page_title = _("Send issue")
    header_icon = "mail"
    form_class = SendForm

    def get_page_subtitle(self):
        return self.issue.title

    @cached_property
    def audience_count(self):
        return audience(self.issue).count()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "audience_count": self.audience_count}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        send = self.issue_send
        context.update(
            issue=self.issue,
            issue_send=send,
            audience_count=self.audience_count,
            outcomes=send.outcome_counts() if send else None,
            index_url=reverse("newsletter_issues:index"),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.issue.pk]),
            has_unpublished_changes=self.issue.has_unpublished_changes,
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.issue_send is not None or not self.issue.live:
            # Already sent or scheduled, or nothing published to send: the page says which.
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=409)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        send_at = form.cleaned_data["send_at"] if form.cleaned_data["when"] == "later" else timezone.now()
        try:
            with transaction.atomic():
                IssueSend.objects.create(issue=self.issue, send_at=send_at, requested_by=self.request.user)
        except IntegrityError:
            # Two people pressed "send" at once: the issue still goes out once.
            messages.error(self.request, _("This issue has already been scheduled."))
            return redirect("newsletter_issues:send", self.issue.pk)
        if form.cleaned_data["when"] == "later":
            messages.success(
                self.request,
                _("Scheduled: “%(title)s” goes out at the set time.") % {"title": self.issue.title},
            )
        else:
            messages.success(self.request, _("Sending “%(title)s” now.") % {"title": self.issue.title})
        return redirect("newsletter_issues:send", self.issue.pk)


class CancelSendView(SenderRequiredMixin, IssueMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        deleted, _rows = IssueSend.objects.filter(
            issue=self.issue, status=IssueSend.Status.SCHEDULED
        ).delete()
        if deleted:
            messages.success(request, _("The scheduled send is cancelled."))
        else:
            messages.error(request, _("Too late to cancel: the issue is being sent or has been sent."))
        return redirect("newsletter_issues:send", pk)


class TestSendView(IssueMixin, WagtailAdminTemplateMixin, TemplateView):
    """Send the issue as it is now (latest draft included) to the signed-in user's own address."""

    template_name = "newsletter/admin/issue_test.html"
    page_title = _("Send a test")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not self.issue.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.issue.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            issue=self.issue,
            address=self.request.user.email,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.issue.pk]),
        )
        return context

    def post(self, request, pk):
        address = request.user.email
        if not address:
            messages.error(request, _("Your account has no email address to send the test to."))
            return redirect("newsletter_issues:test", pk)
        send_issue_test.enqueue(self.issue.pk, address)
        messages.success(request, _("A test of this issue is on its way to %(email)s.") % {"email": address})
        return redirect("wagtailadmin_pages:edit", pk)


class IssueSendingViewSet(ViewSet):
    name = "newsletter_issues"
    icon = "mail"
    menu_label = _("Issues and sending")
    url_prefix = "newsletter/issues"

    @cached_property
    def menu_item_class(self):
        class SendersMenuItem(MenuItem):
            def is_shown(self, request):
                return can_send(request.user)

        return SendersMenuItem

    @property
    def menu_url(self):
        return reverse("newsletter_issues:index")

    def get_urlpatterns(self):
        return [
            path("", IssueIndexView.as_view(), name="index"),
            path("<int:pk>/send/", SendIssueView.as_view(), name="send"),
            path("<int:pk>/cancel/", CancelSendView.as_view(), name="cancel"),
            path("<int:pk>/test/", TestSendView.as_view(), name="test"),
        ]
