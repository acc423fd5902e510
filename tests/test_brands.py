"""Brand profiles: the shipped brands load, and every bad profile gives a clear UsageError."""

from __future__ import annotations

import shutil

import pytest

from pipeline.issues import UsageError
from pipeline.report import brand_names, load_brand
from pipeline.report.brands import BRANDS_DIR


def test_shipped_brands_load_and_differ():
    assert {"default", "nusantara"} <= set(brand_names())
    default, other = load_brand(None), load_brand("nusantara")
    assert default.key == "default" and default.font == "Lato"
    assert (other.primary, other.font) != (default.primary, default.font)
    assert default.logo_data_uri.startswith("data:image/svg+xml;base64,")
    assert {(f.weight, f.style) for f in default.fonts} >= {
        ("normal", "normal"),
        ("bold", "normal"),
    }


def test_brand_by_path(tmp_path):
    folder = tmp_path / "acme"
    shutil.copytree(BRANDS_DIR / "default", folder)
    assert load_brand(str(folder)).folder == folder.resolve()
    assert load_brand(str(folder / "brand.toml")).name == load_brand(None).name


def _broken(tmp_path, old: str, new: str, *, drop_logo: bool = False):
    folder = tmp_path / "b"
    shutil.copytree(BRANDS_DIR / "default", folder)
    toml = folder / "brand.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new), encoding="utf-8")
    if drop_logo:
        (folder / "logo.svg").unlink()
    return str(folder)


@pytest.mark.parametrize(
    ("old", "new", "drop_logo", "words"),
    [
        ('primary = "#1F3A5F"', 'primary = "navy"', False, "colour primary is 'navy'"),
        ('accent = "#E07A1F"', 'accent = "#E07A1"', False, "expected #RRGGBB"),
        ('logo = "logo.svg"', 'logo = "logo.svg"', True, "logo 'logo.svg' not found"),
        ('logo = "logo.svg"', 'logo = "../../etc/passwd.svg"', False, "not found"),
        ('font = "Lato"', 'font = "Comic Sans"', False, "font 'Comic Sans' not found"),
        ('name = "CS Sourcing Advisory"', 'name = "unterminated', False, "not valid TOML"),
        ('name = "CS Sourcing Advisory"', 'name = ""', False, "name is missing"),
    ],
    ids=[
        "named-colour",
        "short-hex",
        "missing-logo",
        "logo-outside",
        "unknown-font",
        "bad-toml",
        "no-name",
    ],
)
def test_bad_brand_is_a_usage_error(tmp_path, old, new, drop_logo, words):
    with pytest.raises(UsageError) as exc:
        load_brand(_broken(tmp_path, old, new, drop_logo=drop_logo))
    assert words in str(exc.value)
    assert exc.value.exit_code == 2


def test_unknown_brand_names_the_shipped_ones():
    with pytest.raises(UsageError) as exc:
        load_brand("no-such-brand")
    assert "unknown brand 'no-such-brand'" in str(exc.value)
    assert "default" in str(exc.value) and "nusantara" in str(exc.value)
