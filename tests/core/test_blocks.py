import importlib

import pytest
from django.conf import settings
from wagtail.blocks.struct_block import StructBlockValidationError

from iurc_portal.core.blocks import EmbedBlock, FigureBlock, LinkBlock, ParagraphBlock, video_embed_url
from iurc_portal.core.factories import ImageFactory, StandardPageFactory
from iurc_portal.core.models import StandardPage


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
