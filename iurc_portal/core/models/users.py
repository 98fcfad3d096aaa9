from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's own user model, in place from the first migration so that fields
    can be added later without the painful mid-project swap of AUTH_USER_MODEL."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
