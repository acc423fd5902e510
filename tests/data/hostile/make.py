"""Writes the hostile regression corpus (run from the repository root: PYTHONPATH=. python tests/data/hostile/make.py).

Each file reproduces a class of issue 10 found by fuzzing or reported; tests/test_hostile_corpus.py
pins what each must give."""

import io
import re
import zipfile
from pathlib import Path

from tests.fuzz_workbooks import _zip, parts

out = Path("tests/data/hostile")
p = parts()
# 1. every member claims Deflate64 (method 9)
(out / "deflate64-members.xlsx").write_bytes(_zip(dict(p), 9))
# 2. a sheet declared and encoded UTF-32
q = dict(p)
name = "xl/worksheets/sheet3.xml"
body = re.sub(r"^<\?xml[^>]*\?>", "", q[name].decode())
q[name] = ('<?xml version="1.0" encoding="UTF-32"?>' + body).encode("utf-32")
(out / "utf32-sheet.xlsx").write_bytes(_zip(q, zipfile.ZIP_DEFLATED))
# 3. backslash member names (some Windows zippers)
q = {n.replace("/", "\\"): b for n, b in p.items()}
(out / "backslash-member-names.xlsx").write_bytes(_zip(q, zipfile.ZIP_DEFLATED))
# 4. the workbook zipped inside a zip
inner = _zip(dict(p), zipfile.ZIP_DEFLATED)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("client.xlsx", inner)
(out / "workbook-inside-a-zip.xlsx").write_bytes(buf.getvalue())
# 5. a merge down to the last row of the sheet
q = dict(p)
name = "xl/worksheets/sheet4.xml"
t = re.sub(r"<mergeCells.*?</mergeCells>", "", q[name].decode(), flags=re.S)
q[name] = t.replace(
    "</sheetData>",
    '</sheetData><mergeCells count="1"><mergeCell ref="B70:M1048576"/></mergeCells>',
    1,
).encode()
(out / "merge-to-last-row.xlsx").write_bytes(_zip(q, zipfile.ZIP_DEFLATED))
# 6. a truncated workbook
raw = _zip(dict(p), zipfile.ZIP_DEFLATED)
(out / "truncated-half.xlsx").write_bytes(raw[: len(raw) // 2])
for f in sorted(out.iterdir()):
    print(f.name, f.stat().st_size)
