from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.utils import translation
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext_lazy as _

from iurc_portal.core.languages import name_in_language, originals
from iurc_portal.core.query import site_sections
from iurc_portal.core.sitewide import site_settings, sitewide
from programmes.models import RegionPage, Theme

from .models import ConsentText
from .normalization import MAX_EMAIL_LENGTH, normalize_email
from .tokens import make_form_time_token, read_form_time_token

HONEYPOT_FIELD = "nl_hp"
TIME_FIELD = "nl_ts"


def _current_consent(language):
    return lambda _site: ConsentText.current(language)


class InterestsField(forms.ModelMultipleChoiceField):
    """Optional checkboxes rendered from (pk, name) choices and validated against the live rows.

    The queryset is built only when something was ticked: most sign-ups tick nothing, and
    building a page queryset (with its visibility filter) costs more than the rest of the
    form. Ids must be plain numbers; anything else is refused before it reaches SQL."""

    def __init__(self, *, queryset_factory, **kwargs):
        super().__init__(queryset=None, **kwargs)
        self.queryset_factory = queryset_factory

    def clean(self, value):
        if not value and not self.required:
            return []
        if self.queryset is None:
            choices = self.widget.choices
            self.queryset = self.queryset_factory()
            self.widget.choices = choices  # setting a queryset replaces them with a query
        return super().clean(value)

    def _check_values(self, value):
        for pk in value:
            if not (isinstance(pk, str) and pk.isascii() and pk.isdigit() and len(pk) <= 18):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class SignupForm(forms.Form):
    """Email, optional interests and consent: no free text beyond the address itself."""

    email = forms.CharField(
        label=_("Email address"),
        max_length=MAX_EMAIL_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Enter your email address.")},
    )
    regions = InterestsField(
        label=_("Regions"),
        # Interests name the English region page, whatever the language of the form.
        queryset_factory=lambda: RegionPage.objects.visible(language=settings.LANGUAGE_CODE),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = InterestsField(
        label=_("Themes"),
        queryset_factory=lambda: originals(Theme.objects.all()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_("I agree"),
        error_messages={"required": _("Please tick the box to confirm that you agree.")},
    )
    consent_version = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)
    source = forms.CharField(widget=forms.HiddenInput, required=False)
    # Bot traps, checked by the view before this form (see views.looks_like_a_bot).
    nl_hp = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    nl_ts = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, source="", request=None, with_interests=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["source"].initial = source
        # Read when the form is shown: a valid post needs no consent statement query for them.
        self.fields["consent"].label = lazy(self._consent_label, str)()
        self.fields["consent_version"].initial = self._consent_version
        self.fields["regions"].widget.choices = self.fields["themes"].widget.choices = []
        if not self.is_bound:
            self.prepare_to_render(with_interests=with_interests)

    def _consent_version(self):
        return self.consent_text.version if self.consent_text is not None else ""

    def _consent_label(self):
        return self.consent_text.text if self.consent_text is not None else str(_("I agree"))

    def prepare_to_render(self, with_interests=True):
        """Load what only a shown form needs: interest choices and a fresh form time.

        A posted sign-up that is valid is never shown again, so it does without these queries;
        the footer's short form offers no interests (the sign-up page does)."""
        if with_interests:
            # Rendered from plain choices; validation queries the live rows (see InterestsField).
            regions = RegionPage.objects.visible(self.request).order_by("sort_name")
            english = RegionPage.objects.filter(
                translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
            ).values("pk")[:1]
            regions = regions.annotate(english_pk=Subquery(english)).values_list("english_pk", "title")
            self.fields["regions"].widget.choices = list(regions)
            themes = [
                (theme.pk, name_in_language(theme, self.request))
                for theme in originals(Theme.objects.order_by("sort_name"))
            ]
            self.fields["themes"].widget.choices = list(themes)
        self.fields[TIME_FIELD].initial = make_form_time_token()

    @cached_property
    def consent_text(self):
        """The statement shown now: the newest version (kept per cache generation, as it is in
        every page's footer; a new version starts a new generation)."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        return sitewide(
            f"consent statement {language}", _current_consent(language), self.request, per_site=False
        )

    @cached_property
    def privacy_url(self):
        """The privacy notice the consent statement refers to, if it is published."""
        if self.request is None:
            return ""
        found = site_settings(self.request)
        if found is None:
            return ""
        # Usually a section of the site, already loaded for the menu; otherwise one query.
        sections = {section.pk: section for section in site_sections(self.request)}
        page = sections.get(found.privacy_page_id) or found.privacy_page
        return (page.get_url(self.request) or "") if page is not None and page.live else ""

    @property
    def has_interests(self):
        return any(field.field.widget.choices or field.errors for field in self.interest_fields)

    @property
    def interest_fields(self):
        return [self["regions"], self["themes"]]

    @property
    def top_errors(self):
        """Errors not shown next to a visible field (hidden fields have nowhere else to go)."""
        errors = list(self.non_field_errors())
        for field in self.hidden_fields():
            errors.extend(field.errors)
        return errors

    def _post_clean(self):
        super()._post_clean()
        # Tie each error message to its input for screen readers.
        for name in self.errors:
            if name in ("email", "consent"):
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def clean_email(self):
        value = self.cleaned_data["email"]
        self.cleaned_data["email_normalized"] = normalize_email(value)
        return value.strip()

    def _refresh_hidden(self, name, value):
        # A re-rendered bound form shows posted data, so stale hidden values are replaced.
        self.data = self.data.copy()
        self.data[name] = value

    def clean(self):
        cleaned = super().clean()
        if "consent_version" in self.errors:
            return cleaned
        version = cleaned.get("consent_version") or ""
        # A form posted before a rewording names the statement its visitor read.
        consent = ConsentText.objects.filter(version=version).first() if version else None
        if consent is None:
            consent = self.consent_text
            if version or consent is None:
                if consent is not None:
                    self._refresh_hidden("consent_version", consent.version)
                raise ValidationError(
                    _("The consent statement has been updated. Please read it and submit the form again.")
                )
        cleaned["consent_text_obj"] = consent
        age = read_form_time_token(self.data.get(TIME_FIELD))
        max_age = getattr(settings, "NEWSLETTER_MAX_FORM_AGE", 7 * 24 * 3600)
        if age is not None and age > max_age:
            self._refresh_hidden(TIME_FIELD, make_form_time_token())
            raise ValidationError(_("This form was open for too long. Please submit it again."))
        return cleaned
