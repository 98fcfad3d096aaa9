"""The pairings directory's filter form: validates the query string, never trusts it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Country, ProgrammePage, RegionPage, Theme


class SlugChoiceField(forms.ModelChoiceField):
    """A choice addressed by a readable key (slug, ISO code) so filtered addresses can be shared."""

    def __init__(self, *args, normalise=str.lower, **kwargs):
        self.normalise = normalise
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # PostgreSQL refuses NUL characters in text, so they never reach a query.
        if not isinstance(value, str) or len(value) > 255 or "\x00" in value:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        # Programme slugs are unique only among siblings, so take the first (shallowest) match
        # rather than letting a duplicate raise MultipleObjectsReturned.
        match = self.queryset.filter(**{self.to_field_name: self.normalise(value.strip())}).first()
        if match is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return match

    def label_from_instance(self, obj):
        return str(obj)


class PairingFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("City, region, theme or words from the description."),
    )
    region = SlugChoiceField(
        queryset=RegionPage.objects.none(), to_field_name="slug", required=False, label=_("Region")
    )
    country = SlugChoiceField(
        queryset=Country.objects.none(),
        to_field_name="iso_code",
        required=False,
        label=_("Country"),
        normalise=str.upper,
    )
    theme = SlugChoiceField(
        queryset=Theme.objects.none(), to_field_name="slug", required=False, label=_("Theme")
    )
    programme = SlugChoiceField(
        queryset=ProgrammePage.objects.none(), to_field_name="slug", required=False, label=_("Programme")
    )

    # The choices' rows are loaded once and reused, so rendering the form costs a fixed number of queries.
    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["region"].queryset = RegionPage.objects.live().public().order_by("title")
        self.fields["country"].queryset = (
            Country.objects.filter(cities__live=True).distinct().order_by("name")
        )
        self.fields["theme"].queryset = Theme.objects.order_by("name")
        self.fields["programme"].queryset = ProgrammePage.objects.live().public().order_by("path")
        for field in self.fields.values():
            field.empty_label = _("Any")
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["q"].widget.input_type = "search"

    def clean_values(self):
        """The valid filters, each alone; a bad value drops only its own filter."""
        self.is_valid()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described_by = [f"{bound.auto_id}-error"]
                if self.fields[name].help_text:
                    described_by.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)
        cleaned = getattr(self, "cleaned_data", {}) or {}
        return {
            name: cleaned.get(name) for name in self.fields if name not in self.errors and cleaned.get(name)
        }

    @property
    def ignored(self):
        """(field label, submitted value) for every filter that was not understood."""
        result = []
        for name in self.errors:
            value = self.data.get(name, "")
            if len(value) > 60:
                value = value[:60] + "…"
            result.append((self.fields[name].label, value))
        return result
