"""Unit tests for signpost.render.text.TextRenderer: escaping, **bold**, abbreviations."""
from __future__ import annotations

import pytest

from signpost.render.text import TextRenderer

ABBREVIATIONS = {
    "AIM": "Assessment, Intervention and Moving On",
    "AIM 2": "Assessment, Intervention and Moving On, second version",
    "AIM2": "Assessment, Intervention and Moving On, second version",
    "HSB": "Harmful sexual behaviour",
    "B&NES": "Bath and North East Somerset",
    "SQR": 'Safeguarding "Quality" <and> Review',
}


@pytest.fixture
def renderer() -> TextRenderer:
    return TextRenderer(ABBREVIATIONS)


def test_html_is_escaped(renderer):
    html = str(renderer.inline('<script>alert("x")</script> & <b>bold</b>'))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&amp;" in html


def test_script_in_paragraphs_is_escaped(renderer):
    html = str(renderer.paragraphs("Fine.\n\n<script>steal()</script>"))
    assert html == "<p>Fine.</p><p>&lt;script&gt;steal()&lt;/script&gt;</p>"


def test_bold_is_kept_and_escaped_inside(renderer):
    assert str(renderer.inline("a **must be <done>** b")) == "a <strong>must be &lt;done&gt;</strong> b"
    assert str(renderer.inline("**one** and **two**")) == "<strong>one</strong> and <strong>two</strong>"
    # An unclosed ** stays as typed.
    assert str(renderer.inline("**not closed")) == "**not closed"


def test_abbreviation_wrapped_with_its_meaning(renderer):
    html = str(renderer.inline("An HSB referral"))
    assert html == 'An <abbr title="Harmful sexual behaviour">HSB</abbr> referral'


def test_abbreviations_are_whole_words_only(renderer):
    html = str(renderer.inline("AIMS and CLAIM and AIMED and AIM."))
    assert html.count("<abbr") == 1
    assert html.startswith("AIMS and CLAIM and AIMED and <abbr")
    assert "HSBs" == str(renderer.inline("HSBs"))
    assert "B&amp;NESS" == str(renderer.inline("B&NESS"))


def test_longer_abbreviation_preferred(renderer):
    html = str(renderer.inline("an AIM 2 assessment, then AIM2, then AIM"))
    assert '<abbr title="Assessment, Intervention and Moving On, second version">AIM 2</abbr>' in html
    assert '<abbr title="Assessment, Intervention and Moving On, second version">AIM2</abbr>' in html
    assert html.count("<abbr") == 3
    assert ">AIM</abbr> 2" not in html
    # "AIM 20" is not "AIM 2": only AIM is explained.
    assert str(renderer.inline("AIM 20")).endswith("</abbr> 20")


def test_abbreviation_with_ampersand_and_escaped_title(renderer):
    html = str(renderer.inline("B&NES and SQR"))
    assert '<abbr title="Bath and North East Somerset">B&amp;NES</abbr>' in html
    assert 'title="Safeguarding &#34;Quality&#34; &lt;and&gt; Review">SQR</abbr>' in html


def test_abbreviations_inside_bold(renderer):
    html = str(renderer.inline("**HSB** strategy"))
    assert html == '<strong><abbr title="Harmful sexual behaviour">HSB</abbr></strong> strategy'


def test_paragraphs_split_on_blank_lines(renderer):
    text = "First line\ncontinues.\n\nSecond.\n   \n\n\nThird."
    assert str(renderer.paragraphs(text)) == "<p>First line continues.</p><p>Second.</p><p>Third.</p>"
    assert str(renderer.paragraphs("")) == ""
    assert str(renderer.paragraphs(None)) == ""


def test_inline_folds_whitespace(renderer):
    assert str(renderer.inline("  a\n b\t c  ")) == "a b c"
    assert str(renderer.inline(None)) == ""


def test_plain_drops_markup(renderer):
    assert renderer.plain("**Bold**  and\nHSB") == "Bold and HSB"


def test_no_abbreviations():
    renderer = TextRenderer({})
    assert str(renderer.inline("AIM <x>")) == "AIM &lt;x&gt;"
