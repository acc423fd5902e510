"""Atomic writes: a failure or Ctrl-C leaves the old file or nothing, never a partial one."""

import pytest

from pipeline import files
from pipeline.issues import UsageError


def test_write_replaces_whole_file(tmp_path):
    target = tmp_path / "out.txt"
    files.write_text(target, "first")
    files.write_text(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.parametrize(
    "exc", [RuntimeError("disk full"), KeyboardInterrupt()], ids=["error", "ctrl-c"]
)
def test_interrupted_write_keeps_old_file_and_no_temp(tmp_path, exc):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(type(exc)), files.atomic_path(target) as tmp:
        tmp.write_bytes(b"partial")
        raise exc
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_interrupted_first_write_leaves_nothing(tmp_path):
    target = tmp_path / "sub" / "new.pdf"
    with pytest.raises(KeyboardInterrupt), files.atomic_path(target) as tmp:
        tmp.write_bytes(b"partial")
        raise KeyboardInterrupt
    assert list(target.parent.iterdir()) == []


def test_output_gets_ordinary_permissions(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        files.write_text(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


def test_refuses_to_overwrite_an_input(tmp_path):
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"x")
    with pytest.raises(UsageError, match="refusing to overwrite"):
        files.refuse_overwrite(tmp_path / "." / "book.xlsx", [book])
    files.refuse_overwrite(tmp_path / "other.xlsx", [book])  # no error
