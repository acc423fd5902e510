"""Unusable and hostile files: one clear WorkbookError each, before anything is parsed or expanded.

Every file is generated here (small, fast); each test names the kind of file it reproduces.
"""

from __future__ import annotations

import contextlib
import os
import struct
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.issues import WorkbookError
from pipeline.workbook import annotate_workbook, read_workbook
from tests.conftest import example_path

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def members() -> dict[str, bytes]:
    with zipfile.ZipFile(example_path("en")) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_zip(path: Path, parts: dict[str, bytes], *, first: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if first is not None:
            z.writestr(zipfile.ZipInfo(first), parts[first], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            if name != first:
                z.writestr(name, data)
    return path


def with_part(path: Path, name: str, edit) -> Path:
    parts = members()
    parts[name] = edit(parts[name].decode("utf-8")).encode("utf-8")
    return write_zip(path, parts)


def with_prolog(xml: str, prolog: str, entity: str = "&lol3;") -> str:
    """Put a DTD in front of a part and an entity reference inside its first text."""
    body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    return prolog + body.replace("</t>", f"{entity}</t>", 1).replace("</v>", f"{entity}</v>", 1)


def declare_huge(path: Path, member: str, size: int) -> Path:
    """Patch the central directory so that `member` claims `size` uncompressed bytes (a bomb's
    header, without spending the time to compress gigabytes in a test)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46 : pos + 46 + name_len] == name:
            struct.pack_into("<I", data, pos + 24, size)
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    else:
        raise AssertionError(f"{member} not in the central directory")
    path.write_bytes(bytes(data))
    return path


def _empty(p: Path) -> Path:
    p.write_bytes(b"")
    return p


def _csv(p: Path) -> Path:
    p.write_text("Option,Category,Item,Amount\nIn-house,Labour,Agents,5400000\n", encoding="utf-8")
    return p


def _unicode_text(p: Path) -> Path:
    p.write_bytes(b"\xff\xfe" + "Option\tAmount\nIn-house\t5400000\n".encode("utf-16-le"))
    return p


def _html(p: Path) -> Path:
    p.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    return p


def _xls(p: Path) -> Path:
    p.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le")
    )
    return p


def _encrypted(p: Path) -> Path:
    p.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 50
        + "EncryptedPackage".encode("utf-16-le")
    )
    return p


def _ods(p: Path) -> Path:
    parts = {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b"<office:document-content/>",
        "META-INF/manifest.xml": b"<manifest/>",
    }
    return write_zip(p, parts, first="mimetype")


def _truncated(p: Path) -> Path:
    data = example_path("en").read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def _corrupt_member(p: Path) -> Path:
    data = bytearray(example_path("en").read_bytes())
    with zipfile.ZipFile(example_path("en")) as z:
        info = max(z.infolist(), key=lambda i: i.compress_size)  # the biggest sheet
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + info.compress_size - 20, 7):
        data[i] ^= 0x5A
    p.write_bytes(bytes(data))
    return p


def _declared_bomb(p: Path) -> Path:
    write_zip(p, members())
    return declare_huge(p, "xl/worksheets/sheet1.xml", 4_000_000_000)


def _ratio_bomb(p: Path) -> Path:
    parts = members()
    parts["xl/worksheets/sheet1.xml"] = b"<worksheet>" + b" " * (48 * 2**20) + b"</worksheet>"
    return write_zip(p, parts)


def _many_members(p: Path) -> Path:
    parts = members()
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        for i in range(10_001):
            z.writestr(f"customXml/item{i}.xml", b"")
    return p


def _entity_bomb_workbook(p: Path) -> Path:
    return with_part(p, "xl/workbook.xml", lambda x: with_prolog(x, BILLION_LAUGHS, ""))


def add_shared_strings(parts: dict[str, bytes], xml: str) -> dict[str, bytes]:
    """Give the workbook a shared-strings part (the example stores inline strings)."""
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rel = (
        '<Relationship Id="rIdSST" Target="sharedStrings.xml" Type="http://schemas.openxmlformats'
        '.org/officeDocument/2006/relationships/sharedStrings"/>'
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", rel + "</Relationships>"
    ).encode()
    parts["xl/sharedStrings.xml"] = xml.encode("utf-8")
    return parts


def _entity_bomb_strings(p: Path) -> Path:
    sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>'
    return write_zip(p, add_shared_strings(members(), with_prolog(sst, BILLION_LAUGHS)))


def _external_entity_sheet(p: Path) -> Path:
    return with_part(p, "xl/worksheets/sheet2.xml", lambda x: with_prolog(x, XXE, "&xxe;"))


def _invalid_xml(p: Path) -> Path:
    return with_part(p, "xl/worksheets/sheet2.xml", lambda x: x.replace("</sheetData>", "</oops>"))


def _docx(p: Path) -> Path:
    parts = {
        "[Content_Types].xml": b"<Types/>",
        "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>",
        "word/document.xml": b"<document/>",
    }
    return write_zip(p, parts)


def _plain_zip(p: Path) -> Path:
    return write_zip(p, {"notes.txt": b"hello"})


def _xlsb(p: Path) -> Path:
    return write_zip(p, {"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x00\x01"})


def _encrypted_member(p: Path) -> Path:
    write_zip(p, members())
    data = bytearray(p.read_bytes())
    pos = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, pos + 8, struct.unpack_from("<H", data, pos + 8)[0] | 1)
    p.write_bytes(bytes(data))
    return p


def set_method(path: Path, member: str, method: int, flags: int | None = None) -> Path:
    """Patch both zip headers of `member` to claim another compression method (and flags)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    # (signature, method offset, flags offset, name-length offset, header size)
    for sig, at_method, at_flags, at_len, size in (
        (b"PK\x01\x02", 10, 8, 28, 46),
        (b"PK\x03\x04", 8, 6, 26, 30),
    ):
        pos = data.find(sig)
        while pos != -1:
            n = struct.unpack_from("<H", data, pos + at_len)[0]
            if data[pos + size : pos + size + n] == name:
                struct.pack_into("<H", data, pos + at_method, method)
                if flags is not None:
                    struct.pack_into("<H", data, pos + at_flags, flags)
            pos = data.find(sig, pos + 4)
    path.write_bytes(bytes(data))
    return path


def _deflate64(p: Path) -> Path:
    return set_method(write_zip(p, members()), "xl/worksheets/sheet7.xml", 9)


def _zstd(p: Path) -> Path:
    return set_method(write_zip(p, members()), "xl/worksheets/sheet7.xml", 93)


def _strong_encryption(p: Path) -> Path:
    # Bit 0 (encrypted) and bit 6 (strong encryption), as PKWARE's SES writes them.
    return set_method(write_zip(p, members()), "xl/worksheets/sheet7.xml", 8, 0x41)


def declared(encoding: str, part: str):
    """A part whose XML declaration names `encoding` (its text ASCII, so any codec would do)."""

    def make(p: Path) -> Path:
        parts = members()
        xml = parts[part].decode("utf-8")
        body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
        head = f'<?xml version="1.0" encoding="{encoding}"?>'
        if encoding.lower() == "utf-32":
            parts[part] = (head + body).encode("utf-32")
        else:
            parts[part] = (head + body).encode("ascii", "xmlcharrefreplace")
        return write_zip(p, parts)

    return make


def _numbers(p: Path) -> Path:
    parts = {
        "Index/Document.iwa": b"\x00\x01",
        "Index/Metadata.iwa": b"\x00",
        "Metadata/Properties.plist": b"<plist/>",
    }
    return write_zip(p, parts)


def _fods(p: Path) -> Path:
    p.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:'
        'tc:opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.opendocument.'
        'spreadsheet"><office:body><office:spreadsheet/></office:body></office:document>',
        encoding="utf-8",
    )
    return p


def _zipped_workbook(p: Path) -> Path:
    return write_zip(p, {"analysis/book.xlsx": example_path("en").read_bytes()})


def biff(version: bytes):
    """An Excel 2-4 worksheet: a BOF record (id 0x0009/0x0209/0x0409, length 4-8), then cells."""

    def make(p: Path) -> Path:
        p.write_bytes(b"\x09" + version + b"\x06\x00" + b"\x00\x00\x10\x00\x00\x00" + b"\x00" * 60)
        return p

    return make


def _random_bytes(p: Path) -> Path:
    p.write_bytes(bytes((i * 7919 + 13) % 251 for i in range(4096)))
    return p


def _binary(p: Path) -> Path:
    p.write_bytes(bytes(range(256)) * 8)
    return p


def _folder(p: Path) -> Path:
    p.mkdir()
    return p


HOSTILE = [
    ("empty-file", _empty, "empty-file", "empty"),
    ("csv-renamed", _csv, "not-a-workbook", "CSV"),
    ("unicode-text-renamed", _unicode_text, "not-a-workbook", "plain text"),
    ("html-renamed", _html, "not-a-workbook", "HTML"),
    ("legacy-xls", _xls, "legacy-xls", ".xls"),
    ("encrypted-ole", _encrypted, "encrypted-workbook", "password-protected"),
    ("ods", _ods, "ods-file", ".xlsx"),
    ("truncated-zip", _truncated, "corrupt-workbook", "damaged"),
    ("corrupt-member", _corrupt_member, "corrupt-workbook", "damaged"),
    ("zip-bomb-declared-size", _declared_bomb, "zip-bomb", "zip bomb"),
    ("zip-bomb-ratio", _ratio_bomb, "zip-bomb", "zip bomb"),
    ("zip-bomb-many-members", _many_members, "zip-bomb", "10,"),
    ("entity-bomb-workbook-xml", _entity_bomb_workbook, "xml-dtd", "DTD"),
    ("entity-bomb-shared-strings", _entity_bomb_strings, "xml-dtd", "DTD"),
    ("external-entity-sheet", _external_entity_sheet, "xml-dtd", "DTD"),
    ("invalid-xml", _invalid_xml, "corrupt-workbook", "not valid XML"),
    ("docx", _docx, "not-a-workbook", "Word"),
    ("plain-zip", _plain_zip, "not-a-workbook", "zip archive"),
    ("xlsb", _xlsb, "xlsb-file", ".xlsb"),
    ("encrypted-zip-member", _encrypted_member, "encrypted-workbook", "password"),
    ("binary-garbage", _binary, "not-a-workbook", "not an Excel workbook"),
    ("folder", _folder, "not-a-workbook", "folder"),
    ("apple-numbers", _numbers, "not-a-workbook", "an Apple Numbers file"),
    ("flat-ods", _fods, "ods-file", "a flat OpenDocument spreadsheet (.fods)"),
    ("workbook-zipped-in-a-zip", _zipped_workbook, "not-a-workbook", "workbook inside"),
    ("biff2-xls", biff(b"\x00"), "legacy-xls", "an old Excel (.xls) workbook"),
    ("biff3-xls", biff(b"\x02"), "legacy-xls", "an old Excel (.xls) workbook"),
    ("biff4-xls", biff(b"\x04"), "legacy-xls", "an old Excel (.xls) workbook"),
    ("random-bytes", _random_bytes, "not-a-workbook", "not a spreadsheet (unrecognised content)"),
    ("deflate64-member", _deflate64, "corrupt-workbook", "with Deflate64 (zip method 9)"),
    ("zstd-member", _zstd, "corrupt-workbook", "with Zstandard (zip method 93)"),
    ("strong-encryption-member", _strong_encryption, "encrypted-workbook", "password"),
] + [
    (
        f"{encoding}-{where}",
        declared(encoding, part),
        "corrupt-workbook",
        f"damaged or unsupported: the part {part} is written in the encoding '{encoding.lower()}'",
    )
    for encoding in ("shift_jis", "big5", "utf-7", "UTF-32", "x-no-such-encoding")
    for where, part in (("workbook", "xl/workbook.xml"), ("sheet", "xl/worksheets/sheet7.xml"))
]


@pytest.mark.parametrize(
    ("make", "code", "words"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE]
)
def test_hostile_file_is_one_clear_error(tmp_path, make, code, words):
    path = make(tmp_path / "book.xlsx")
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path)
    error = caught.value
    assert (error.code, error.path) == (code, str(path))
    message = str(error)
    assert words in message
    assert message.startswith("book.xlsx: ") and "\n" not in message and "Traceback" not in message


def test_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(WorkbookError) as caught:
        read_workbook(tmp_path / "nope.xlsx")
    assert caught.value.code == "file-not-found"


@pytest.mark.parametrize("make", [_external_entity_sheet, _ods], ids=["external-entity", "ods"])
def test_annotate_refuses_hostile_files_too(tmp_path, make):
    src = make(tmp_path / "book.xlsx")
    with pytest.raises(WorkbookError):
        annotate_workbook(src, [], tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    part=st.sampled_from(
        ["xl/workbook.xml", "xl/worksheets/sheet5.xml", "xl/tables/table3.xml", "xl/styles.xml"]
    ),
    at=st.floats(min_value=0, max_value=1),
    junk=st.binary(min_size=1, max_size=12)
    | st.sampled_from([b'"abc"', b'r="ZZZZ9"', b"<", b"&", b'"-1"', b"</c>", b'"99999999999"']),
)
def test_damaged_parts_never_crash(tmp_path, part, at, junk):
    """Whatever a damaged part holds, the reader returns a RawBook or raises WorkbookError."""
    parts = members()
    data = parts[part]
    pos = int(at * (len(data) - 1))
    parts[part] = data[:pos] + junk + data[pos + len(junk) :]
    path = write_zip(tmp_path / "fuzz.xlsx", parts)
    with contextlib.suppress(WorkbookError):
        read_workbook(path)


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b""), ("utf-8", b"\xef\xbb\xbf"), ("ascii", b"")],
    ids=["utf-16-bom", "utf-16-be-no-bom", "utf-8-bom", "us-ascii"],
)
def test_parts_in_the_encodings_xml_allows_are_read(tmp_path, codec, bom):
    parts = members()
    for part in ("xl/workbook.xml", "xl/worksheets/sheet7.xml"):
        xml = parts[part].decode("utf-8")
        body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
        name = "utf-16" if codec.startswith("utf-16") else codec
        text = f'<?xml version="1.0" encoding="{name}"?>{body}'
        parts[part] = bom + text.encode(codec, "xmlcharrefreplace")
    book = read_workbook(write_zip(tmp_path / "book.xlsx", parts))
    assert (len(book.tables["tbl_costs"].rows), book.issues) == (
        len(read_workbook(example_path("en")).tables["tbl_costs"].rows),
        (),
    )


def test_fifo_named_xlsx_is_refused_without_waiting(tmp_path):
    """Opening a FIFO for reading waits for a writer; the reader must not open it at all. The
    thread plays a writer, so that a regression fails the test instead of hanging it."""
    fifo = tmp_path / "book.xlsx"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb"):  # waits for a reader, then writes nothing
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        with pytest.raises(WorkbookError) as caught:
            read_workbook(fifo)
    finally:
        # A reader of our own releases the writer's open(); kept open until it has.
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        thread.join()
        os.close(fd)
    assert caught.value.code == "not-a-workbook"
    assert "a named pipe (FIFO), not a workbook file" in str(caught.value)


@pytest.mark.parametrize("device", ["/dev/urandom", "/dev/null", "/dev/zero"])
def test_device_is_not_a_workbook_nor_empty(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    with pytest.raises(WorkbookError) as caught:
        read_workbook(device)
    assert "a character device, not a workbook file" in str(caught.value)


def test_zip_members_named_with_backslashes_are_read(tmp_path):
    """Some Windows zippers write "xl\\workbook.xml": the same parts, read as such."""
    parts = {name.replace("/", "\\"): data for name, data in members().items()}
    book = read_workbook(write_zip(tmp_path / "backslashes.xlsx", parts))
    assert book.issues == ()
    assert len(book.tables["tbl_costs"].rows) == len(
        read_workbook(example_path("en")).tables["tbl_costs"].rows
    )


def test_a_windows_1252_part_reads_like_its_utf8_twin(tmp_path):
    """Old Windows converters write single-byte XML: the same sheet in UTF-8 and in
    windows-1252 (accents, euro sign, curly quote) reads to the same values."""
    parts = members()
    # The sheet naming the in-house option most often: the cost lines.
    target = max(parts, key=lambda n: parts[n].count(b">In-house<"))
    xml = parts[target].decode("utf-8")
    body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    # Option names appear in many cells: give one an accent, a euro sign and a curly quote.
    body = body.replace(">In-house<", ">Café €’s in-house<")
    assert "Café" in body
    utf8 = dict(parts, **{target: ('<?xml version="1.0" encoding="UTF-8"?>' + body).encode()})
    cp = ('<?xml version="1.0" encoding="windows-1252"?>' + body).encode("cp1252")
    legacy = dict(parts, **{target: cp})
    a = read_workbook(write_zip(tmp_path / "utf8.xlsx", utf8))
    b = read_workbook(write_zip(tmp_path / "cp1252.xlsx", legacy))
    rows_a = [dict(r.cells) for t in a.tables.values() for r in t.rows]
    rows_b = [dict(r.cells) for t in b.tables.values() for r in t.rows]
    assert rows_a == rows_b
    assert any(c.value == "Café €’s in-house" for row in rows_b for c in row.values())
