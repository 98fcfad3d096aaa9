from django import forms
from django.utils.translation import gettext_lazy as _

from iurc_portal.core.languages import name_in_language, originals
from programmes.models import RegionPage, Theme

from .models import NewsCategory


class NameChoiceField(forms.ModelChoiceField):
    """Options named in the reader's language (a translated category's or theme's name)."""

    request = None

    def label_from_instance(self, obj):
        return name_in_language(obj, self.request)


class NewsFilterForm(forms.Form):
    """The listing's query-string filters. Any value that does not fit is ignored, not an error page."""

    category = NameChoiceField(
        queryset=originals(NewsCategory.objects.all()),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
        label=_("Category"),
    )
    region = forms.ModelChoiceField(
        queryset=RegionPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All regions"),
        label=_("Region"),
    )
    theme = NameChoiceField(
        queryset=originals(Theme.objects.all()),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
        label=_("Theme"),
    )
    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label=_("Year"))

    def __init__(self, *args, years=(), request=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Read when the form is made: the regions in the reader's language.
        self.fields["region"].queryset = RegionPage.objects.visible(request).order_by("sort_name")
        self.fields["category"].request = self.fields["theme"].request = request
        self.fields["year"].choices = [("", _("All years"))] + [(str(year), str(year)) for year in years]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("This value is not recognised, so it was ignored.")

    def full_clean(self):
        super().full_clean()
        # Tie each error message (rendered with this id) to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}_error"}
                )

    def selected(self, name):
        """The valid value of one filter, or None; invalid ones are dropped by cleaning."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name)

    def filter(self, articles):
        if not self.is_bound:
            return articles
        self.is_valid()
        data = self.cleaned_data
        if data.get("category"):
            articles = articles.filter(category=data["category"])
        if data.get("region"):
            articles = articles.filter(regions__translation_key=data["region"].translation_key)
        if data.get("theme"):
            articles = articles.filter(themes=data["theme"])
        if data.get("year"):
            articles = articles.filter(date__year=data["year"])
        return articles

    @property
    def active(self):
        return any(self.selected(name) for name in self.fields)
