"""The pipeline on bytes and file objects (an upload), with the same answers as on a path, and
renders that change nothing another thread could see (environment, GC, working files)."""

from __future__ import annotations

import gc
import io
import os
import threading
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline import flow
from pipeline.issues import InvalidWorkbook, WorkbookError
from pipeline.workbook import read_workbook

from .conftest import example_path


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, like a socket or a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _checked_equal(a: flow.Checked, b: flow.Checked) -> None:
    assert [i.to_dict() for i in a.issues] == [i.to_dict() for i in b.issues]
    assert a.inputs == b.inputs
    assert a.lang == b.lang


@pytest.mark.parametrize("kind", ["bytes", "bytearray", "bytesio", "open file", "pipe"])
def test_every_kind_of_source_reads_as_the_path(kind, make_workbook):
    path = make_workbook({"Options!B5": "not a number"})  # some issues to compare too
    data = path.read_bytes()
    by_path = flow.read_and_validate(path)
    if kind == "bytes":
        source = data
    elif kind == "bytearray":
        source = bytearray(data)
    elif kind == "bytesio":
        source = io.BytesIO(data)
    elif kind == "pipe":
        source = io.BufferedReader(_Pipe(data))
    else:
        source = path.open("rb")
    try:
        got = flow.read_and_validate(source, name=path.name)
    finally:
        if hasattr(source, "close"):
            source.close()
    _checked_equal(got, by_path)


def test_the_name_given_is_the_one_messages_use():
    with pytest.raises(WorkbookError) as err:
        read_workbook(b"just some text, not a workbook", name="../../etc/Budget 2027.xlsx")
    assert str(err.value).startswith("Budget 2027.xlsx: ")
    assert "etc" not in str(err.value)
    with pytest.raises(WorkbookError) as err:
        read_workbook(b"")
    assert err.value.code == "empty-file"
    assert str(err.value).startswith("workbook.xlsx: ")


def test_a_caller_s_file_object_is_left_open(tmp_path):
    data = example_path().read_bytes()
    fh = io.BytesIO(data)
    read_workbook(fh)
    assert not fh.closed


def test_hostile_bytes_get_the_same_answer_as_the_file(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (400 * 2**20) + b"</a>")
    answers = []
    for source in (bomb, bomb.read_bytes()):
        with pytest.raises(WorkbookError) as err:
            flow.read_and_validate(source, name="bomb.xlsx")
        answers.append((err.value.code, str(err.value)))
    assert answers[0] == answers[1]
    assert answers[0][0] == "zip-bomb"


def test_annotated_copy_from_bytes_marks_the_same_cells(make_workbook, tmp_path):
    path = make_workbook({"Options!B5": "not a number"})
    checked = flow.read_and_validate(path)
    assert checked.issues
    out = tmp_path / "annotated.xlsx"
    from pipeline.workbook import annotate_workbook

    annotate_workbook(path, checked.issues, out, lang="en")
    data = flow.annotated_copy(path.read_bytes(), checked.issues, lang="en", name=path.name)
    a, b = load_workbook(out), load_workbook(io.BytesIO(data))
    assert a.sheetnames == b.sheetnames
    for ws in a.worksheets:
        other = b[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                twin = other[cell.coordinate]
                assert (cell.value, cell.fill.fgColor.rgb) == (twin.value, twin.fill.fgColor.rgb)
                assert (cell.comment.text if cell.comment else None) == (
                    twin.comment.text if twin.comment else None
                )


def test_render_report_gives_the_bytes_build_report_writes(tmp_path):
    path = example_path()
    out = tmp_path / "r.pdf"
    stages: list[str] = []
    done = flow.render_report(path.read_bytes(), name=path.name, on_stage=stages.append)
    flow.build_report(path, out, json_out=tmp_path / "r.json")
    assert done.pdf == out.read_bytes()
    assert done.results_json == (tmp_path / "r.json").read_bytes()
    assert stages == ["read", "validate", "compute", "html", "pdf"]


def test_render_report_on_a_workbook_with_errors_raises_invalid(make_workbook):
    path = make_workbook({"Options!B5": "not a number"})
    with pytest.raises(InvalidWorkbook):
        flow.render_report(path.read_bytes(), name=path.name)


def test_renders_in_threads_change_nothing_others_see(tmp_path):
    """Two renders side by side give the bytes of one alone, and while they run the
    environment, the garbage collector's state and the process's files stay as they were."""
    data = example_path().read_bytes()
    alone = flow.render_report(data).pdf
    environ, gc_on = dict(os.environ), gc.isenabled()
    seen: list[tuple[bool, bool]] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.append((dict(os.environ) == environ, gc.isenabled() == gc_on))

    results: list[bytes] = []
    workers = [
        threading.Thread(target=lambda: results.append(flow.render_report(data).pdf))
        for _ in range(2)
    ]
    watcher = threading.Thread(target=watch)
    watcher.start()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    done.set()
    watcher.join()
    assert results == [alone, alone]
    assert seen and all(a and b for a, b in seen)


def test_outputs_are_created_with_the_umask_and_no_temporary_left(tmp_path):
    from pipeline import files

    target = tmp_path / "out.bin"
    files.write_bytes(target, b"x")
    umask = os.umask(0o022)  # the test may set it; the code under test never does
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_a_path_source_still_works_as_a_pathlike(tmp_path):
    path = Path(example_path())
    assert flow.read_and_validate(os.fspath(path)).inputs == flow.read_and_validate(path).inputs
