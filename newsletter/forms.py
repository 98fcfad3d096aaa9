from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from programmes.models import RegionPage, Theme

from .choices import signup_choices
from .normalization import MAX_EMAIL_LENGTH, normalize_email
from .tokens import make_form_time_token, read_form_time_token

HONEYPOT_FIELD = "nl_hp"
TIME_FIELD = "nl_ts"


class InterestsField(forms.ModelMultipleChoiceField):
    """Optional checkboxes rendered from cached choices and validated against the live rows.

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
        queryset_factory=lambda: RegionPage.objects.live().public(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = InterestsField(
        label=_("Themes"),
        queryset_factory=Theme.objects.all,
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

    def __init__(self, *args, source="", request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cached_choices = choices = signup_choices(request)
        self.privacy_url = choices["privacy_url"]
        self.consent_text = choices["consent"]
        # Render from the cached choices; validation still queries the live rows (see InterestsField).
        self.fields["regions"].widget.choices = choices["regions"]
        self.fields["themes"].widget.choices = choices["themes"]
        if self.consent_text is not None:
            self.fields["consent"].label = self.consent_text["text"]
            self.fields["consent_version"].initial = self.consent_text["version"]
        self.fields["source"].initial = source
        self.fields[TIME_FIELD].initial = make_form_time_token()

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
        # Consent statements are never reworded once used, so they come with the cached choices.
        versions = self.cached_choices["consent_texts"]
        consent = versions.get(version) if version else None
        if consent is None:
            consent = versions.get(self.consent_text["version"]) if self.consent_text else None
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
