from django.db import models
from django.utils.translation import gettext_lazy as _

from ..text import sort_key


class SortName(models.Model):
    """A stored, indexed sort key of the model's name (`sort_name_source`, the title by default),
    kept up to date on every save. Lists order by `sort_name` to sort names as people expect,
    accents and case ignored, on PostgreSQL and SQLite alike."""

    sort_name_source = "title"

    sort_name = models.CharField(_("sort name"), max_length=255, editable=False, db_index=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(getattr(self, self.sort_name_source))[:255]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.sort_name_source in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)
