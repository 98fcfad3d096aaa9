import importlib

import pytest
import wagtail_factories
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from iurc_portal.core.blocks import EmbedBlock, FigureBlock, LinkBlock, ParagraphBlock, video_embed_url
from iurc_portal.core.factories import ImageFactory, StandardPageFactory, UserFactory
from iurc_portal.core.models import SiteText, StandardPage
from news.models import EventPage

LIBRARY_MODULES = {"iurc_portal.core.blocks", "news.blocks", "programmes.blocks"}


@pytest.mark.django_db
def test_image_block_takes_alt_text_from_wagtail_and_keeps_caption_and_credit():
    block = FigureBlock()
    image = ImageFactory(description="Harbour at dusk", credit="© City of Busan", licence="CC-BY-4.0")
    value = block.to_python(
        {
            "image": {"image": image.pk, "alt_text": "Cranes in the harbour", "decorative": False},
            "caption": "Busan",
        }
    )

    html = block.render(value)

    assert 'alt="Cranes in the harbour"' in html  # the editor's text for this use
    assert "Busan" in html and "© City of Busan" in html and "CC BY 4.0" in html
    decorative = block.to_python(
        {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""}
    )
    assert 'alt=""' in block.render(decorative) and "© City of Busan" in block.render(decorative)


@pytest.mark.django_db
def test_image_block_requires_alt_text_unless_decorative():
    block = FigureBlock()
    image = ImageFactory()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}}))
    decorative = block.clean(
        block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}})
    )
    assert decorative["image"].decorative is True


@pytest.mark.django_db
def test_pages_stored_with_the_old_image_block_show_the_same_image_after_the_migration(client, home_page):
    migration = importlib.import_module("iurc_portal.core.migrations.0005_image_block_wagtail_image_block")
    image = ImageFactory(description="Not this", credit="Jane Doe")
    old = {"image": image.pk, "alt_text": "Old town square", "decorative": False, "caption": "Bratislava"}
    page = StandardPageFactory(parent=home_page, slug="old", body=[])
    StandardPage.objects.filter(pk=page.pk).update(
        body=[{"type": "image", "value": migration.NestImageValue().apply(old), "id": "1"}]
    )

    html = client.get("/old/").content.decode()

    assert 'alt="Old town square"' in html and "Bratislava" in html and "Jane Doe" in html
    assert migration.FlattenImageValue().apply(migration.NestImageValue().apply(old)) == old


def test_link_block_needs_exactly_one_target():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": ""}))
    assert block.clean(block.to_python({"page": None, "url": "https://www.iuc.eu/", "label": ""}))["url"]


@pytest.mark.django_db
def test_link_cards_and_call_to_action_link_live_pages_and_leave_out_the_others(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About IURC", slug="about")
    draft = StandardPageFactory(parent=home_page, title="Draft plans", slug="draft", live=False)

    def link(page=None, url="", label=""):
        return {"page": page, "url": url, "label": label}

    StandardPageFactory(
        parent=home_page,
        slug="links",
        body=[
            (
                "link_cards",
                {
                    "heading": "Find out more",
                    "cards": [
                        {"title": "Who we are", "text": "", "link": link(about)},
                        {"title": "Coming soon", "text": "", "link": link(draft)},
                        {"title": "IUC Asia", "text": "", "link": link(url="https://www.iuc-asia.eu/")},
                    ],
                },
            ),
            ("call_to_action", {"heading": "Join", "text": "", "link": link(about, label="Read about us")}),
            ("call_to_action", {"heading": "Plans", "text": "", "link": link(draft)}),
        ],
    )

    html = client.get("/links/").content.decode()

    assert '<a href="/about/">Who we are</a>' in html and "Read more" in html
    assert (
        '<a href="https://www.iuc-asia.eu/" rel="noopener">IUC Asia</a>' in html and "Visit website" in html
    )
    assert '<a class="button" href="/about/">Read about us</a>' in html
    assert "Coming soon" in html and 'href="/draft/"' not in html  # the card stays, without a link to a 404
    assert "Plans" in html


@pytest.mark.django_db
def test_link_cards_load_their_pages_in_one_query_whatever_their_number(client, home_page):
    targets = [StandardPageFactory(parent=home_page, slug=f"target-{n}") for n in range(6)]

    def count(number):
        cards = [
            {"title": f"Card {n}", "text": "", "link": {"page": t, "url": "", "label": ""}}
            for n, t in enumerate(targets[:number])
        ]
        StandardPage.objects.filter(slug="cards").delete()
        StandardPageFactory(
            parent=home_page, slug="cards", body=[("link_cards", {"heading": "", "cards": cards})]
        )
        client.get("/cards/")
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/cards/").content.decode()
        assert html.count('class="card"') == number
        return len(queries)

    assert count(1) == count(6)


def library_blocks():
    """Every block of the project's library that editors can add, found from the fields that use it."""
    roots = [
        StandardPage._meta.get_field("body").stream_block,
        EventPage._meta.get_field("agenda").stream_block,
        SiteText._meta.get_field("footer_links").stream_block,
    ]
    found, pending = {}, list(roots)
    while pending:
        block = pending.pop()
        if isinstance(block, blocks.ListBlock):
            pending.append(block.child_block)
        elif hasattr(block, "child_blocks"):
            pending.extend(block.child_blocks.values())
        if type(block).__module__ in LIBRARY_MODULES and not isinstance(block, blocks.StreamBlock):
            found.setdefault(type(block), block)
    return list(found.values())


def test_the_library_is_found():
    names = {type(block).__name__ for block in library_blocks()}
    assert {"HeadingBlock", "FigureBlock", "LinkCardBlock", "LinkBlock", "AgendaItemBlock"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize("block", library_blocks(), ids=lambda block: type(block).__name__)
def test_every_library_block_has_a_description_and_a_preview_in_the_site_style(client, block):
    # Images and documents in previews come from the library, as in a real site.
    ImageFactory(title="Harbour", description="Harbour at dusk")
    wagtail_factories.DocumentFactory(title="Action plan")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})

    html = response.content.decode()
    assert block.get_description()
    assert block.is_previewable
    assert response.status_code == 200
    assert "css/site.css" in html
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Example" in main


def test_rich_text_features_are_one_list():
    editor = settings.WAGTAILADMIN_RICH_TEXT_EDITORS["default"]["OPTIONS"]["features"]
    assert ParagraphBlock().features == editor == settings.RICH_TEXT_FEATURES
    assert "image" not in editor and "embed" not in editor  # images need a credit and per-use alt text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://evil.example/watch?v=dQw4w9WgXcQ", ""),
        ("javascript:alert(1)", ""),
        ("https://www.youtube.com/watch?v=<script>", ""),
    ],
)
def test_video_embed_url_only_for_known_providers(url, expected):
    assert video_embed_url(url) == expected


def test_embed_block_renders_a_link_and_no_third_party_iframe():
    block = EmbedBlock()
    value = block.to_python({"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Pairing visit", "caption": ""})
    html = block.render(value)
    assert 'href="https://youtu.be/dQw4w9WgXcQ"' in html
    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"url": "https://example.org/video", "title": "x", "caption": ""}))
