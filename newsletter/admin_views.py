"""Wagtail admin for subscribers: listing, CSV export, consent log, GDPR export and erasure.

Subscribers only ever come from the double opt-in, so nobody can add or edit one here
(`SubscriberPermissionPolicy`); "delete" permission means erasure, which anonymises the
row and keeps the consent log instead of deleting anything.
"""

import json

import django_filters
from django import forms
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

from iurc_portal.core.languages import originals
from programmes.models import RegionPage, Theme

from . import services
from .admin_sending import IssueSendingViewSet
from .models import ConsentText, Subscriber


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


class ConsentTextPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        # Statements are the record of what people agreed to: never deleted.
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Subscriber.Status.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    regions = django_filters.ModelMultipleChoiceFilter(
        label=_("Regions of interest"),
        queryset=RegionPage.objects.order_by("sort_name"),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    themes = django_filters.ModelMultipleChoiceFilter(
        label=_("Themes of interest"),
        queryset=originals(Theme.objects.order_by("sort_name")),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Signed up"), widget=DateRangePickerWidget)

    class Meta:
        model = Subscriber
        fields = ["status", "regions", "themes", "created_at"]


# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value):
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


class SubscriberIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("regions", "themes")

    def preprocess_field_value(self, field, value, export_format):
        return _defuse(super().preprocess_field_value(field, value, export_format))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("view"):
            buttons.append(
                Button(
                    _("Export personal data (JSON)"),
                    url=reverse("newsletter_subscriber:gdpr_export", args=[instance.pk]),
                    icon_name="download",
                    priority=40,
                )
            )
        if self.user_has_permission("delete") and instance.status != Subscriber.Status.ERASED:
            buttons.append(
                Button(
                    _("Erase"),
                    url=reverse("newsletter_subscriber:erase", args=[instance.pk]),
                    icon_name="bin",
                    priority=50,
                )
            )
        return buttons


class SubscriberInspectView(InspectView):
    template_name = "newsletter/admin/subscriber_inspect.html"
    page_title = _("Subscriber and consent log")

    def get_object(self, queryset=None):
        return get_object_or_404(Subscriber.objects.prefetch_related("regions", "themes"), pk=self.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if self.user_has_permission("view"):
            buttons.append(
                Button(
                    _("Export personal data (JSON)"),
                    url=reverse("newsletter_subscriber:gdpr_export", args=[self.object.pk]),
                    icon_name="download",
                    priority=10,
                )
            )
        if self.user_has_permission("delete") and self.object.status != Subscriber.Status.ERASED:
            buttons.append(
                Button(
                    _("Erase"),
                    url=reverse("newsletter_subscriber:erase", args=[self.object.pk]),
                    icon_name="bin",
                    priority=20,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consent_events"] = self.object.consent_events.select_related("consent_text").order_by(
            "created_at", "pk"
        )
        return context


class SubscriberExportView(PermissionCheckedMixin, View):
    """GDPR access request: everything stored about one subscriber, as a JSON download."""

    model = Subscriber
    permission_required = "view"

    def get(self, request, pk):
        subscriber = get_object_or_404(Subscriber, pk=pk)
        body = json.dumps(
            services.export_data(subscriber), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
        response["Cache-Control"] = "no-store"
        return response


class SubscriberEraseView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GDPR erasure, after a confirmation step."""

    model = Subscriber
    permission_required = "delete"
    template_name = "newsletter/admin/subscriber_erase.html"
    page_title = _("Erase subscriber")
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Subscriber, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("newsletter_subscriber:index"), "label": _("Subscribers")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["inspect_url"] = reverse("newsletter_subscriber:inspect", args=[self.object.pk])
        return context

    def post(self, request, pk):
        services.erase(self.object, source="admin")
        messages.success(
            request,
            _(
                "Subscriber erased: the address is gone; the consent log and a hashed "
                "suppression entry remain."
            ),
        )
        return redirect("newsletter_subscriber:inspect", self.object.pk)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    name = "newsletter_subscriber"
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = SubscriberFilterSet
    search_fields = ["email", "email_normalized"]
    search_backend_name = None
    list_per_page = 50
    list_display = [
        "email",
        "status",
        Column("regions", label=_("Regions"), accessor="region_names"),
        Column("themes", label=_("Themes"), accessor="theme_names"),
        DateColumn("created_at", label=_("Signed up"), sort_key="created_at"),
        DateColumn("confirmed_at", label=_("Confirmed"), sort_key="confirmed_at"),
    ]
    list_export = [
        "email",
        "email_normalized",
        "status",
        "locale",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "region_names",
        "theme_names",
    ]
    export_headings = {"region_names": _("Regions"), "theme_names": _("Themes"), "locale": _("Language")}
    export_filename = "newsletter-subscribers"
    inspect_view_fields = [
        "email",
        "email_normalized",
        "status",
        "regions",
        "themes",
        "locale",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "erased_at",
    ]
    form_fields = []  # never used: adding and editing are refused by the permission policy

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        # Only the views below exist; the generic add/edit/delete/history ones are not routed.
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "history_url_name",
            "usage_url_name",
        ):
            view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("export/<int:pk>/", SubscriberExportView.as_view(), name="gdpr_export"),
            path("erase/<int:pk>/", SubscriberEraseView.as_view(), name="erase"),
        ]


class ConsentTextViewSet(ModelViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Consent statements")
    name = "newsletter_consent_text"
    list_display = ["version", "text", DateColumn("created_at", label=_("Created"), sort_key="created_at")]
    copy_view_enabled = True
    add_to_reference_index = False


class NewsletterViewSetGroup(ModelViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 250
    items = (IssueSendingViewSet, SubscriberViewSet, ConsentTextViewSet)
