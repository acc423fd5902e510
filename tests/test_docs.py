"""The user documentation stays in step with the code."""

from pathlib import Path

from pipeline.validate.codes import CODES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_validation_page_lists_every_code():
    text = (DOCS / "validation.md").read_text()
    missing = [c.code for c in CODES if f"`{c.code}`" not in text]
    assert missing == []


def test_readme_shows_the_two_commands_first():
    readme = (DOCS.parent / "README.md").read_text()
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert first_block.strip().splitlines()[0].startswith("make demo")
    assert "make test" in first_block
    image = readme.split("](docs/images/", 1)[1].split(")", 1)[0]
    assert (DOCS / "images" / image).exists()


def test_validation_page_lists_the_in_a_hybrid_default_of_every_cost_type():
    from pipeline import schema

    text = (DOCS / "validation.md").read_text()
    for ctype in schema.COST_TYPES:
        mode = schema.choice_label(schema.IN_HYBRID, schema.IN_HYBRID_DEFAULTS[ctype.code], "en")
        row = f"| {ctype.label.en} (`{ctype.code}`) | {mode} | {ctype.in_hybrid_reason.en} |"
        assert row in text, row
