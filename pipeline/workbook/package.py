"""Open the .xlsx container safely: recognise what the file really is, refuse bombs and DTDs.

Every check here runs before any XML is parsed, on the zip's central directory and a few bytes,
so that an unusable file is rejected in milliseconds with one clear `WorkbookError`.
"""

from __future__ import annotations

import io
import os
import posixpath
import pyexpat
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as _defused_fromstring

from ..files import Source, source_name
from ..issues import WorkbookError
from .unusable import KINDS, UNKNOWN_METHOD, unusable

# Bounds for what a workbook may decompress to. A 20,000-line workbook is ~15 MB of XML; a sheet
# with a million formatted empty rows is ~100 MB. Anything beyond is refused, not parsed.
MAX_MEMBERS = 10_000
MAX_MEMBER_SIZE = 300 * 2**20
MAX_TOTAL_SIZE = 600 * 2**20
# Real spreadsheet XML deflates 10-60x; zip bombs reach 1000x. Small members are never a threat.
MAX_RATIO = 400
RATIO_FLOOR = 8 * 2**20
# Small structural parts (workbook.xml, rels, tables, styles) are read whole.
MAX_SMALL_PART = 64 * 2**20
CHUNK = 1 << 20

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
SPREADSHEET_TYPES = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
)
OFFICE_DOCUMENT = "officeDocument"
# Excel writes stored (0) and deflated (8) parts; zipfile also undoes bzip2 (12) and LZMA (14).
READABLE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, 12, 14})
METHOD_NAMES = {
    1: "Shrink",
    6: "Implode",
    9: "Deflate64",
    18: "IBM TERSE",
    19: "IBM LZ77",
    93: "Zstandard",
    95: "XZ",
    96: "JPEG",
    97: "WavPack",
    98: "PPMd",
}
# Encodings expat decodes. OOXML parts are UTF-8 or UTF-16; ASCII, Latin-1 and Windows-1252 are read
# too (old converters). Anything else (Shift-JIS, Big5, UTF-7, UTF-32, unknown names) is refused by
# name before parsing: expat would fail on it with errors of every kind.
XML_ENCODINGS = frozenset(
    {
        "utf-8",
        "utf8",
        "utf-16",
        "utf-16le",
        "utf-16be",
        "us-ascii",
        "ascii",
        "iso-8859-1",
        "latin-1",
        "latin1",
        # Single-byte Windows code pages: pyexpat decodes them through Python's codec (bytes the
        # code page leaves undefined are then a parse error, "damaged"). Old Windows converters
        # write windows-1252.
        "windows-1252",
        "cp1252",
    }
)
_DECLARED = re.compile(rb"""^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']{0,40})["']""")


def _fail(path: str, code: str, key: str, **params: object) -> WorkbookError:
    """The WorkbookError of kind `code` for `path`, its message MESSAGES[key] of unusable.py in
    every language."""
    return unusable(path, code, key, **params)


def _sniff_not_zip(path: str, fh: BinaryIO, head: bytes, size: int) -> WorkbookError:
    """The error for a file that is not a zip: say what it looks like."""
    if size == 0:
        return _fail(path, "empty-file", "empty")
    if head.startswith(OLE_SIGNATURE):
        fh.seek(0)
        # The directory of an OLE file is small; encrypted OOXML names its stream in UTF-16.
        blob = fh.read(min(size, 64 * 2**20))
        if ENCRYPTED_STREAM in blob:
            return _fail(path, "encrypted-workbook", "encrypted-ole")
        return _fail(path, "legacy-xls", "legacy-xls")
    if head[:2] in (b"\x09\x00", b"\x09\x02", b"\x09\x04") and head[2:4] in (
        b"\x04\x00",
        b"\x06\x00",
        b"\x08\x00",
    ):
        # A BIFF2-4 BOF record: Excel 2.x-4.x wrote worksheets as a bare record stream.
        return _fail(path, "legacy-xls", "legacy-biff")
    if head.startswith(b"PK\x05\x06"):
        return _fail(path, "not-a-workbook", "empty-zip")
    if head.startswith(b"PK"):
        return _fail(path, "corrupt-workbook", "broken-zip")
    sample = head.lstrip(b"\xef\xbb\xbf")
    if sample[:1] == b"<" and b"urn:oasis:names:tc:opendocument:xmlns:office" in head:
        return _fail(path, "ods-file", "fods")
    if sample[:5].lower() in (b"<?xml", b"<html", b"<!doc") or sample[:1] == b"<":
        return _fail(path, "not-a-workbook", "xml-or-html")
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        sample = sample[2:].decode("utf-16-le" if sample[0] == 0xFF else "utf-16-be", "ignore")
        sample = sample.encode("utf-8")  # Excel's "Unicode text" export: UTF-16 with a BOM
    try:
        sample.decode("utf-8")
        is_text = b"\x00" not in sample
    except UnicodeDecodeError:
        # A chunk boundary may split a character; latin-1 text has no control bytes either.
        is_text = not any(b < 9 or 13 < b < 32 for b in sample)
    if is_text:
        return _fail(path, "not-a-workbook", "plain-text")
    return _fail(path, "not-a-workbook", "unrecognised")


def _check_members(path: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs, encrypted members and compression methods zipfile cannot undo, from the
    central directory, before any read."""
    if len(infos) > MAX_MEMBERS:
        raise _fail(path, "zip-bomb", "too-many-members", count=len(infos))
    total = 0
    for info in infos:
        if info.flag_bits & 0x41 or info.compress_type == 99:  # 0x40: strong encryption
            raise _fail(path, "encrypted-workbook", "encrypted-member")
        if info.compress_type not in READABLE_METHODS:
            raise _fail(
                path,
                "corrupt-workbook",
                "unsupported-compression",
                part=info.filename,
                method=METHOD_NAMES.get(info.compress_type, UNKNOWN_METHOD),
                method_id=str(info.compress_type),  # a method number, never grouped
            )
        size = info.file_size
        total += size
        ratio = size / max(info.compress_size, 1)
        if size > MAX_MEMBER_SIZE or (size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise _fail(
                path,
                "zip-bomb",
                "part-would-expand",
                part=info.filename,
                mb=round(size / 2**20),
                ratio=round(ratio),
            )
    if total > MAX_TOTAL_SIZE:
        raise _fail(path, "zip-bomb", "archive-would-expand", mb=round(total / 2**20))


def _declared_encoding(head: bytes) -> str | None:
    """The encoding an XML part declares or shows by its first bytes, lower-case; None when it
    says nothing (UTF-8)."""
    if head.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"  # a byte-order mark wins over the declaration, as in expat
    if head.startswith((b"<\x00", b"\x00<")):
        # UTF-16 without a mark: read its declaration in UTF-16.
        codec = "utf-16-le" if head[0] == 0x3C else "utf-16-be"
        text = head[: len(head) // 2 * 2].decode(codec, "ignore").encode("ascii", "ignore")
        found = _DECLARED.match(text)
        return found.group(1).decode("ascii").lower() if found else "utf-16"
    found = _DECLARED.match(head.removeprefix(b"\xef\xbb\xbf"))
    return found.group(1).decode("ascii", "replace").strip().lower() if found else None


_KINDS = (
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "char-device"),
    (stat.S_ISBLK, "block-device"),
    (stat.S_ISSOCK, "socket"),
)


def _open_regular(path: str) -> BinaryIO:
    """The file at `path` opened for reading, refused unless it is a regular file: a FIFO would
    block for ever and a device (/dev/urandom) never ends."""
    try:
        kind = os.stat(path).st_mode
        if stat.S_ISDIR(kind):
            raise _fail(path, "not-a-workbook", "folder")
        if stat.S_ISREG(kind):
            # O_NONBLOCK: should a FIFO be swapped in after the stat, opening it does not wait.
            fd = os.open(
                path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            )
            kind = os.fstat(fd).st_mode
            if stat.S_ISREG(kind):
                return os.fdopen(fd, "rb")
            os.close(fd)
    except FileNotFoundError:
        raise _fail(path, "file-not-found", "not-found") from None
    except OSError as exc:
        raise _fail(path, "unreadable-file", "unreadable", detail=exc) from exc
    what = next((name for test, name in _KINDS if test(kind)), "not-regular")
    raise _fail(path, "not-a-workbook", "not-regular-file", kind=KINDS[what])


class Package:
    """A vetted OOXML zip: bounded reads of its parts, safe XML parsing, relationship lookup."""

    def __init__(self, source: Source, *, name: str | None = None) -> None:
        """`source` is a path, the workbook's bytes or a binary file object (left open: the
        caller owns it); `name` is the file name messages use (default: the path's)."""
        fh, owned = self._open(source, name)
        try:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(0)
            head = fh.read(4096)
            if not head.startswith(b"PK\x03\x04"):
                raise _sniff_not_zip(self.path, fh, head, size)
            # The zip is read from the file already opened and vetted, not from the path again.
            self.zip = zipfile.ZipFile(fh)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            if owned:
                fh.close()
            raise _fail(self.path, "corrupt-workbook", "zip-directory") from None
        except BaseException:
            if owned:
                fh.close()
            raise
        self._fh, self._owned = fh, owned
        try:
            _check_members(self.path, infos)
            # Part names are case-insensitive in OOXML; zip names are not.
            # Some Windows zippers write "xl\\workbook.xml": the same part name.
            self._names = {i.filename.replace("\\", "/").lstrip("/").lower(): i for i in infos}
            self.main_part = self._find_main_part()
        except BaseException:
            self.close()
            raise
        self.has_macros = any(n.endswith("vbaproject.bin") for n in self._names)

    def _open(self, source: Source, name: str | None) -> tuple[BinaryIO, bool]:
        """(binary file, whether this Package opened it and so closes it)."""
        if isinstance(source, (str, os.PathLike)):
            self.path = os.fspath(source)
            if name:
                self.path = os.path.join(os.path.dirname(self.path), source_name(source, name))
            return _open_regular(os.fspath(source)), True
        self.path = source_name(source, name)
        if isinstance(source, (bytes, bytearray, memoryview)):
            return io.BytesIO(bytes(source)), True
        if not hasattr(source, "read"):
            raise TypeError(f"a workbook source is a path, bytes or a binary file, not {source!r}")
        try:
            seekable = source.seekable()
        except (AttributeError, OSError, ValueError):
            seekable = False
        if seekable:
            return source, False
        # A pipe or a socket: read it once, bounded like any part of the archive.
        data = source.read(MAX_TOTAL_SIZE + 1)
        if not isinstance(data, bytes):
            raise TypeError("a workbook file object must be opened in binary mode")
        if len(data) > MAX_TOTAL_SIZE:
            raise _fail(self.path, "zip-bomb", "upload-too-large")
        return io.BytesIO(data), True

    def close(self) -> None:
        self.zip.close()
        if self._owned:
            self._fh.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fail(self, code: str, key: str, **params: object) -> WorkbookError:
        """The WorkbookError of kind `code` for this file, its message MESSAGES[key] of
        unusable.py filled from `params` in every language:
        `raise pkg.fail("zip-bomb", "part-too-large", part=part, size=size)`."""
        return _fail(self.path, code, key, **params)

    def has(self, part: str) -> bool:
        return part.lstrip("/").lower() in self._names

    def _find_main_part(self) -> str:
        if self.has("mimetype"):
            mimetype = self.read("mimetype")[:200]
            if b"opendocument" in mimetype:
                raise self.fail("ods-file", "ods")
        main = None
        if self.has("_rels/.rels"):
            for rel in self.relationships("", "_rels/.rels"):
                if rel["type"].endswith("/" + OFFICE_DOCUMENT):
                    main = rel["target"]
                    break
        main = main or "xl/workbook.xml"
        if self.has("xl/workbook.bin") or main.endswith(".bin"):
            raise self.fail("xlsb-file", "xlsb")
        content_type = self._content_type(main) if self.has(main) else None
        if content_type in SPREADSHEET_TYPES or (
            content_type is None and self.has(main) and main.lower().startswith("xl/")
        ):
            return main
        if main.lower().startswith("word/") or self.has("word/document.xml"):
            kind = "docx"
        elif main.lower().startswith("ppt/") or self.has("ppt/presentation.xml"):
            kind = "pptx"
        elif any(n.startswith("index/") or n.endswith(".iwa") for n in self._names):
            raise self.fail("not-a-workbook", "numbers")
        else:
            inner = [
                i.filename
                for i in self._names.values()
                if i.filename.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods"))
            ]
            if inner:
                raise self.fail("not-a-workbook", "zip-with-workbook", inner=inner[0])
            kind = "zip"
        raise self.fail("not-a-workbook", "other-document", kind=KINDS[kind])

    def _content_type(self, part: str) -> str | None:
        if not self.has("[Content_Types].xml"):
            return None
        root = self.xml("[Content_Types].xml")
        for el in root:
            tag = _local(el.tag)
            if tag == "Override" and el.get("PartName", "").lstrip("/").lower() == part.lower():
                return el.get("ContentType")
        return None

    # ------------------------------------------------------------------------------ reading
    def _info(self, part: str) -> zipfile.ZipInfo:
        try:
            return self._names[part.lstrip("/").lower()]
        except KeyError:
            raise self.fail("corrupt-workbook", "missing-part", part=part) from None

    def read(self, part: str, limit: int = MAX_SMALL_PART) -> bytes:
        """The whole part, refused when larger than `limit` (declared or actual)."""
        info = self._info(part)
        if info.file_size > limit:
            raise self.fail("zip-bomb", "part-too-large", part=part, size=info.file_size)
        chunks, total = [], 0
        for chunk in self.stream(part):
            total += len(chunk)
            if total > limit:
                raise self.fail("zip-bomb", "part-larger-than-declared", part=part)
            chunks.append(chunk)
        return b"".join(chunks)

    def stream(self, part: str) -> Iterator[bytes]:
        """The part in chunks; the total never exceeds its declared (already vetted) size."""
        info = self._info(part)
        budget = info.file_size
        try:
            with self.zip.open(info) as fh:
                while True:
                    chunk = fh.read(CHUNK)
                    if not chunk:
                        break
                    budget -= len(chunk)
                    if budget < 0:
                        raise self.fail("zip-bomb", "part-overflow", part=part)
                    yield chunk
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,  # a compression method or encryption zipfile cannot undo
            LookupError,
        ) as exc:
            raise self.fail("corrupt-workbook", "damaged-part", part=part, detail=exc) from None

    def _check_encoding(self, part: str, head: bytes) -> None:
        encoding = _declared_encoding(head[:400])
        if encoding is not None and encoding not in XML_ENCODINGS:
            raise self.fail(
                "corrupt-workbook", "unsupported-encoding", part=part, encoding=encoding
            )

    def xml(self, part: str) -> Element:
        """Parse a small part with defusedxml: DTDs, entities and external references refused."""
        data = self.read(part)
        self._check_encoding(part, data)
        try:
            return _defused_fromstring(data, forbid_dtd=True)
        except DefusedXmlException:
            raise self._dtd_error(part) from None
        except (ValueError, LookupError) as exc:
            # Still an encoding expat cannot use (the check above reads only the declaration).
            raise self.fail("corrupt-workbook", "undecodable-part", part=part, detail=exc) from None
        except ParseError as exc:
            raise self.fail("corrupt-workbook", "invalid-xml", part=part, detail=exc) from None

    def _dtd_error(self, part: str) -> WorkbookError:
        return self.fail("xml-dtd", "dtd", part=part)

    def expat(self, part: str, configure: Callable[[pyexpat.XMLParserType], None]) -> None:
        """Stream a large part through expat (C speed) with the defusedxml rules: any DTD,
        entity declaration or external entity raises before it can expand."""
        parser = pyexpat.ParserCreate(namespace_separator="|")
        parser.buffer_text = True
        parser.buffer_size = 1 << 16

        def refuse(*_args: object) -> None:
            raise _Refused

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        parser.UnparsedEntityDeclHandler = refuse
        parser.ExternalEntityRefHandler = refuse
        configure(parser)
        try:
            first = True
            for chunk in self.stream(part):
                if first:
                    self._check_encoding(part, chunk)
                    first = False
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except _Refused:
            raise self._dtd_error(part) from None
        except pyexpat.ExpatError as exc:
            raise self.fail("corrupt-workbook", "invalid-xml", part=part, detail=exc) from None
        except (ValueError, KeyError, IndexError, TypeError, OverflowError, LookupError) as exc:
            # Well-formed XML with impossible content (a row number "abc"...).
            raise self.fail(
                "corrupt-workbook", "unexpected-content", part=part, detail=exc
            ) from None

    def relationships(self, source: str, rels_part: str | None = None) -> list[dict[str, str]]:
        """Relationships of `source` part: [{id, type, target}] with targets as part names."""
        if rels_part is None:
            folder, name = posixpath.split(source)
            rels_part = posixpath.join(folder, "_rels", name + ".rels")
        if not self.has(rels_part):
            return []
        base = posixpath.dirname(source)
        out = []
        for el in self.xml(rels_part):
            if _local(el.tag) != "Relationship" or el.get("TargetMode") == "External":
                continue
            target = el.get("Target", "")
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(base, target))
            out.append({"id": el.get("Id", ""), "type": el.get("Type", ""), "target": target})
        return out


class _Refused(Exception):
    pass


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
