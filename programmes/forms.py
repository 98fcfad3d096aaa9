"""The pairings directory's filter form: validates the query string, never trusts it."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from iurc_portal.core.languages import in_language, name_in_language, originals
from iurc_portal.core.query import outside_restricted_sections
from iurc_portal.core.sitewide import sitewide
from iurc_portal.core.text import sort_key

from .models import Country, ProgrammePage, RegionPage, Theme


class SlugChoiceField(forms.ChoiceField):
    """A choice addressed by a readable key (slug, ISO code) so filtered addresses can be shared.

    The options are model instances handed over by the form (one query each for all of them),
    so validating a value costs no query of its own."""

    def __init__(self, *, key, normalise=str.lower, **kwargs):
        self.key, self.normalise, self.objects = key, normalise, {}
        super().__init__(choices=(), **kwargs)

    def set_objects(self, objects, request=None):
        self.objects = {}
        for obj in objects:  # in the given order, so the first (shallowest) of equal keys wins
            self.objects.setdefault(self.normalise(getattr(obj, self.key)), obj)
        self.choices = [("", _("Any"))] + [(key, label(obj, request)) for key, obj in self.objects.items()]

    def bound_data(self, data, initial):
        return self.normalise(data.strip()) if isinstance(data, str) and "\x00" not in data else data

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # PostgreSQL refuses NUL characters in text, so they never reach a query.
        if not isinstance(value, str) or len(value) > 255 or "\x00" in value:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        match = self.objects.get(self.normalise(value.strip()))
        if match is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value[:60]}
            )
        return match

    def validate(self, value):
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")


def label(obj, request=None):
    """An option's text: a page's title, a taxonomy's name in the reader's language."""
    return name_in_language(obj, request) if isinstance(obj, (Country, Theme)) else str(obj)


def sort_title(page):
    # Plain pages, without the region's stored sort_name: the same key, from the title.
    return sort_key(page.title)


def filter_options(request=None):
    """The directory's filter options: regions and programmes (both pages, read as plain pages
    in one query: a filter needs only their title, slug and path), countries and themes."""
    pages = in_language(
        outside_restricted_sections(Page.objects.type(RegionPage, ProgrammePage).live(), request)
    )
    pages = list(pages.order_by("path"))
    region_type = ContentType.objects.get_for_model(RegionPage)
    return {
        "region": sorted((page for page in pages if page.content_type_id == region_type.pk), key=sort_title),
        "country": list(
            originals(Country.objects.filter(cities__live=True)).distinct().order_by("sort_name", "pk")
        ),
        "theme": list(originals(Theme.objects.order_by("sort_name", "pk"))),
        "programme": [page for page in pages if page.content_type_id != region_type.pk],
    }


class PairingFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("City, region, theme or words from the description."),
    )
    region = SlugChoiceField(key="slug", required=False, label=_("Region"))
    country = SlugChoiceField(key="iso_code", required=False, label=_("Country"), normalise=str.upper)
    theme = SlugChoiceField(key="slug", required=False, label=_("Theme"))
    programme = SlugChoiceField(key="slug", required=False, label=_("Programme"))

    def __init__(self, data=None, request=None, **kwargs):
        super().__init__(data, **kwargs)
        for name, objects in filter_options(request).items():
            self.fields[name].set_objects(objects, request)
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


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1990, max_value=2100, required=False, label=_("Year"), **kwargs)


class ListingFilterForm(forms.Form):
    """Shared by the activities and resources listings: region and theme by slug, a year, a type."""

    region = SlugChoiceField(key="slug", required=False, label=_("Region"))
    theme = SlugChoiceField(key="slug", required=False, label=_("Theme"))
    year = YearField()

    type_choices = ()

    def __init__(self, data=None, request=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["type"] = forms.ChoiceField(
            choices=[("", _("Any"))] + list(self.type_choices), required=False, label=_("Type")
        )
        self.order_fields(["q", "type", "region", "theme", "year", "language"])
        self.fields["region"].set_objects(RegionPage.objects.visible(request).order_by("title"))
        self.fields["theme"].set_objects(originals(Theme.objects.order_by("name")), request)

    clean_values = PairingFilterForm.clean_values
    ignored = PairingFilterForm.ignored


class ActivityFilterForm(ListingFilterForm):
    @property
    def type_choices(self):
        from .models import ActivityType

        return ActivityType.choices


class ResourceFilterForm(ListingFilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    language = forms.ChoiceField(required=False, label=_("Language"))

    def __init__(self, data=None, request=None, **kwargs):
        super().__init__(data, request=request, **kwargs)
        from .models import ResourcePage

        # The languages resources are in: read once per cache generation, not on every listing
        # (a DISTINCT over every live resource).
        codes = sitewide(
            "resource languages",
            lambda _site: list(
                ResourcePage.objects.live().order_by().values_list("language", flat=True).distinct()
            ),
            request,
            per_site=False,
        )
        names = dict(ResourcePage._meta.get_field("language").choices)
        self.fields["language"].choices = [("", _("Any"))] + sorted(
            ((code, names.get(code, code)) for code in codes), key=lambda choice: str(choice[1])
        )
        self.fields["q"].widget.input_type = "search"

    @property
    def type_choices(self):
        from .models import ResourceType

        return ResourceType.choices
