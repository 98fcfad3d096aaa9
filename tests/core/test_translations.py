"""The interface's own catalogues: every string translated into every language, compiled by the
project's command. (The translated demo pages are tested in tests/demo/test_languages.py.)"""

import re
from io import StringIO

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def catalogue(language):
    folder = translation.to_locale(language)
    return polib.pofile(str(settings.BASE_DIR / "locale" / folder / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_every_interface_string_is_translated_with_its_placeholders(language):
    po = catalogue(language)
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    for entry in po.translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            # A one-form plural may leave the count out ("%(counter)s" in Japanese, say).
            found = sorted(PLACEHOLDER.findall(form))
            assert set(found) <= set(wanted + sorted(PLACEHOLDER.findall(entry.msgid_plural))), entry.msgid
            if not entry.msgid_plural:
                assert found == wanted, entry.msgid


def test_compiled_catalogues_are_the_project_s_own(tmp_path, settings):
    """`manage.py compile_translations` builds the .mo files in pure Python (no gettext)."""
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    po.append(polib.POEntry(msgid="Search", msgstr="Buscar"))
    po.append(polib.POEntry(msgid="Draft", msgstr="Borrador", flags=["fuzzy"]))
    po.save(str(folder / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]
    call_command("compile_translations", stdout=StringIO())
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(folder / "django.mo"))}
    assert compiled == {"Search": "Buscar"}  # fuzzy entries are drafts, as msgfmt treats them
