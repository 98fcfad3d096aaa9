"""Groups, permissions and the moderation workflow for news and events. Safe to run again.

Editors write and submit for moderation; Moderators publish. Wagtail's own first migration
makes groups with these names too; this command makes their rights explicit and attaches the
"News moderation" workflow to the news and events sections that have no workflow of their own.
A workflow an administrator has chosen for a section is never replaced."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from iurc_portal.core.models import SiteText
from news.models import EventIndexPage, NewsCategory, NewsIndexPage

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "News moderation"
TASK_NAME = "Moderator approval (news and events)"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
COLLECTION_PERMISSIONS[MODERATORS] = COLLECTION_PERMISSIONS[EDITORS] + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(model, codenames):
    opts = model._meta
    return [_permission(opts.app_label, f"{codename}_{opts.model_name}") for codename in codenames]


def sections_root():
    """The page the groups' rights apply to: the tree's root, as in Wagtail's own default groups,
    so that they cover the home page in every language (each translation has its own tree)."""
    return Page.get_first_root_node()


@transaction.atomic
def setup_editorial_workflow(report=None):
    """Create or complete the groups and workflow; returns a list of what was added."""
    added = []

    def note(label, created):
        if created:
            added.append(label)
        if report is not None:
            report(label, created)

    groups = {}
    for name in (EDITORS, MODERATORS):
        groups[name], created = Group.objects.get_or_create(name=name)
        note(f"group “{name}”", created)

    admin_access = _permission("wagtailadmin", "access_admin")
    # The header and footer text: editors draft it (translations included), moderators publish.
    extra = {
        EDITORS: [
            admin_access,
            *_model_permissions(NewsCategory, ["view"]),
            *_model_permissions(SiteText, ["add", "change", "view"]),
        ],
        MODERATORS: [
            admin_access,
            *_model_permissions(NewsCategory, ["add", "change", "delete", "view"]),
            *_model_permissions(SiteText, ["add", "change", "view", "publish"]),
        ],
    }
    root_collection = Collection.get_first_root_node()
    root_page = sections_root()
    for name, group in groups.items():
        missing = [perm for perm in extra[name] if not group.permissions.filter(pk=perm.pk).exists()]
        group.permissions.add(*missing)
        note(f"{name}: admin and category permissions", bool(missing))

        created_any = False
        for codename in PAGE_PERMISSIONS[name]:
            _obj, created = GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission("wagtailcore", codename)
            )
            created_any |= created
        note(f"{name}: page permissions on “{root_page.title}”", created_any)

        created_any = False
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            _obj, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(app_label, codename)
            )
            created_any |= created
        note(f"{name}: image and document permissions", created_any)

    # The English sections: translations are edited in wagtail-localize's editor, where only a
    # user who may publish can publish (an editor saves a draft for a moderator to publish).
    sections = [
        page
        for model in (NewsIndexPage, EventIndexPage)
        for page in model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    ]
    with_workflow = set(WorkflowPage.objects.filter(page__in=sections).values_list("page_id", flat=True))
    without_workflow = [page for page in sections if page.pk not in with_workflow]
    for page in sections:
        if page.pk in with_workflow:
            note(f"workflow on “{page.title}”", False)
    # The workflow and its task are made only when a section needs them; an admin who removed
    # or changed them for every section keeps that choice.
    if not without_workflow:
        return added

    task, created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    if created:
        task.groups.add(groups[MODERATORS])
    note(f"task “{TASK_NAME}”", created)

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    note(f"workflow “{WORKFLOW_NAME}”", created)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    note("workflow step: moderator approval", created)

    for page in without_workflow:
        WorkflowPage.objects.create(page=page, workflow=workflow)
        note(f"workflow on “{page.title}”", True)
    return added


class Command(BaseCommand):
    help = (
        "Create the Editors and Moderators groups with their permissions and attach the "
        "'News moderation' workflow to the news and events sections. Idempotent."
    )

    def handle(self, *args, **options):
        added = setup_editorial_workflow()
        if added:
            for label in added:
                self.stdout.write(f"  + {label}")
            self.stdout.write(self.style.SUCCESS(f"Editorial workflow: {len(added)} items set up."))
        else:
            self.stdout.write(self.style.SUCCESS("Editorial workflow: nothing to do, all in place."))
