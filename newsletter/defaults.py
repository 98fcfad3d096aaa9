"""Initial data shared by the data migration and the demo loader (plain constants only)."""

CONSENT_VERSION = "1"
CONSENT_TEXT = (
    "I would like to receive email updates from the IURC programme: news, events and "
    "opportunities, in line with the interests I chose. I can unsubscribe at any time "
    "with the link in every email."
)
MANAGERS_GROUP = "Newsletter managers"
# (app label, model, codename): enough to log in, browse, export and erase subscribers,
# to add new versions of the consent statement and to send issues.
MANAGERS_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("newsletter", "subscriber", "view_subscriber"),
    ("newsletter", "subscriber", "delete_subscriber"),
    ("newsletter", "consenttext", "view_consenttext"),
    ("newsletter", "consenttext", "add_consenttext"),
    ("newsletter", "consenttext", "change_consenttext"),
    ("newsletter", "issuesend", "send_issue"),
]
# Wagtail's "Moderators" publish what editors write; sending an issue is the same kind of
# decision. "Editors" compose issues but cannot send them.
SENDERS_GROUPS = ["Moderators", MANAGERS_GROUP]
SEND_PERMISSION = ("newsletter", "issuesend", "send_issue")


def grant_managers_permissions(group, permission_model):
    for app_label, model, codename in MANAGERS_PERMISSIONS:
        permission = permission_model.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
