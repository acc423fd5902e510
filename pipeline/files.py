"""Files in and out. In: what a workbook can be given as (a path, bytes, a binary file).
Out: atomic output files: write to a temporary file beside the target, then rename.

An interrupted run (error, Ctrl-C) leaves either the old file or nothing, never a partial one, and an
input is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeAlias

from .issues import UsageError

Source: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO"
"""A workbook as a path, its bytes (an upload) or an open binary file."""

DEFAULT_NAME = "workbook.xlsx"


def source_name(source: Source, name: str | None = None) -> str:
    """The file name messages use: `name`, else the path's, else a file object's, else a default."""
    if name:
        return os.path.basename(name.replace("\\", "/"))[:255] or DEFAULT_NAME
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(os.fspath(source))
    found = getattr(source, "name", None)
    return os.path.basename(found) if isinstance(found, str) and found else DEFAULT_NAME


def refuse_overwrite(out: str | os.PathLike, inputs: Iterable[str | os.PathLike]) -> None:
    """Raise UsageError when `out` is one of `inputs` (the workbook, or outputs already claimed)."""
    out_path = Path(out).resolve()
    for src in inputs:
        if src is not None and Path(src).resolve() == out_path:
            raise UsageError(
                f"refusing to overwrite {src}: it is the input or another output of this run; "
                "choose another output path"
            )


def _create_temp(folder: Path, name: str) -> Path:
    """A new empty file beside `name`, created with mode 0666 so that the umask applies as for
    any file (mkstemp makes 0600, and reading the umask means setting it: a race with other
    threads, so it is never touched)."""
    for _ in range(100):
        path = folder / f".{name}.{secrets.token_hex(6)}.part"
        try:
            fd = os.open(
                path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
            )
        except FileExistsError:
            continue
        os.close(fd)
        return path
    raise FileExistsError(f"cannot create a temporary file in {folder}")


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target`."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = _create_temp(target.parent, target.name)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise


def write_bytes(target: str | os.PathLike, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | os.PathLike, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))
