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
