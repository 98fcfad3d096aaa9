import pytest
from django.conf import settings
from wagtail.blocks.struct_block import StructBlockValidationError

from iurc_portal.core.blocks import EmbedBlock, ImageBlock, LinkBlock, ParagraphBlock, video_embed_url
from iurc_portal.core.factories import ImageFactory


@pytest.mark.django_db
def test_image_block_requires_alt_text_unless_decorative():
    block = ImageBlock()
    image = ImageFactory()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False, "caption": ""}))
    assert "alt_text" in error.value.block_errors
    decorative = block.clean(
        block.to_python({"image": image.pk, "alt_text": "", "decorative": True, "caption": ""})
    )
    assert decorative["decorative"] is True


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
