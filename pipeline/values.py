"""Parse raw cell values (numbers, percents, dates, choices) the way real workbooks hold them.

Numbers arrive as numbers or as text in EN and ID conventions (`1.500.000`, `1,500,000.50`,
`Rp1.500.000,-`, `(1,000)`, `30%`); dates as date objects, Excel serials or text. Every parser
raises `ParseError` (with a stable issue code) on a value it cannot read; validation turns that
into an Issue.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from . import schema


class ParseError(ValueError):
    """A value that cannot be read as the expected type; `code` is the issue code."""

    def __init__(self, code: str, reason: str = "") -> None:
        super().__init__(reason or code)
        self.code = code


_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000\t"), " ")
_MINUS_LIKE = dict.fromkeys(map(ord, "\u2212\u2012\u2013\u2014\ufe63\uff0d"), "-")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"), None)
_CLEAN = {**_SPACE_LIKE, **_MINUS_LIKE, **_ZERO_WIDTH}

# Currency markers accepted before or after a number: ISO codes of the schema plus the symbols
# and local forms people type. Longest first so that "US$" wins over "$".
_CURRENCY_TOKENS = sorted(
    {c.lower() for c in schema.CURRENCIES}
    | {"rp.", "rp", "rupiah", "us$", "s$", "a$", "hk$", "jp¥", "cn¥", "rm", "₱", "php", "$"}
    | {"€", "£", "¥", "₹", "฿", "₫"},
    key=len,
    reverse=True,
)
_RUPIAH_TOKENS = frozenset({"rp.", "rp", "rupiah", "idr"})
_CURRENCY_RE = "|".join(re.escape(t) for t in _CURRENCY_TOKENS)
_PREFIX = re.compile(rf"^(?P<cur>{_CURRENCY_RE})\s*", re.IGNORECASE)
_SUFFIX = re.compile(rf"\s*(?P<cur>{_CURRENCY_RE})$", re.IGNORECASE)
# Indonesian price tags end in ",-" (Rp 1.500.000,-): "no cents".
_NO_CENTS = re.compile(r"[.,]\s*[-\u2013\u2014]+$")
_BODY = re.compile(r"^(?:\d[\d.,' ]*|[.,]\d+)$")
_SCIENTIFIC = re.compile(r"^\d+(?:\.\d+)?[eE][+-]?\d+$")
_GROUPED = re.compile(r"^\d{1,3}(?:S\d{3})+$")
# Indian grouping (lakh/crore) as INR amounts are written: 15,00,000.
_GROUPED_INDIAN = re.compile(r"^\d{1,2}(?:S\d{2})*S\d{3}$")

# Number words after an amount ("5,4 juta", "750 rb", "1.2bn"), read as multipliers. The words
# mean the same in any workbook; the letters M and T only in Indonesian ones, where "Rp 1,2 M" is
# miliar and "Rp 2 T" triliun: an English reader would take M for million (or, in accounting, for
# thousand), so an English workbook refuses them (decisions.md).
MULTIPLIER_WORDS: dict[str, int] = {
    **dict.fromkeys(("k", "rb", "ribu", "thousand"), 10**3),
    **dict.fromkeys(("jt", "juta", "million", "mn", "mio"), 10**6),
    **dict.fromkeys(("miliar", "milyar", "billion", "bn"), 10**9),
    **dict.fromkeys(("triliun", "trilyun", "trillion", "tn"), 10**12),
}
MULTIPLIER_LETTERS: dict[str, dict[str, int]] = {"id": {"M": 10**9, "T": 10**12}, "en": {}}
_WORD = re.compile(r"^(?P<num>.*?[\d.,])\s*(?P<word>[^\W\d_]+)\.?$")


def is_blank(value: Any) -> bool:
    """None, or text that is empty once spaces (incl. non-breaking ones) are removed."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    if value[:1].isalnum():  # most cells: no need to strip and translate (20,000-line books)
        return False
    # str.strip() already removes non-breaking and other Unicode spaces; not zero-width ones.
    return not value.strip().translate(_ZERO_WIDTH).strip()


def _clean(text: str) -> str:
    return text.translate(_CLEAN)


_TEXT_CLEAN = {**_SPACE_LIKE, **_ZERO_WIDTH}
_NAME_SPACES = re.compile(r"[\s_]+")
_SPACE_RUN = re.compile(r" {2,}")


def fold_name(name: object) -> str:
    """The form in which names (options, channels, score headers) are matched: case-, accent-,
    space- and dash-insensitive, but unlike `schema.fold` it keeps every other character, so
    "供应商 甲" and "供应商 乙" (or two names differing by an emoji) stay different names."""
    return _fold_text(str(name))


@lru_cache(maxsize=8192)
def _fold_text(name: str) -> str:
    """Cached: a 20,000-line workbook names the same few options and channels on every line."""
    text = name.translate(_CLEAN)
    if not text.isascii():  # ASCII has nothing to decompose (100,000 distinct items: 2x faster)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NAME_SPACES.sub(" ", text).strip().casefold()


def _grouped(digits: str, sep: str) -> bool:
    s = digits.replace(sep, "S")
    return bool(_GROUPED.match(s) or (sep == "," and _GROUPED_INDIAN.match(s)))


def _to_float(body: str, lang: str, rupiah: bool) -> float:
    """Digits with `.`/`,` separators -> float. The rule, in order:

    1. Spaces and apostrophes between digits are group separators ("1 500 000", "1'500").
    2. Both `.` and `,` present: the one that comes last is the decimal separator and the other
       groups thousands ("1,500,000.50", "1.500.000,50").
    3. One separator appearing more than once groups thousands ("1.500.000", "1,500,000"),
       and the groups must be of three digits (or Indian lakh grouping with commas).
    4. One separator appearing once, followed by exactly three digits, after 1-3 digits that are
       not just "0" ("1.500", "1,500"): ambiguous. Rupiah amounts (Rp / IDR) read it as thousands;
       otherwise the workbook's language decides: in an ID workbook `.` groups and `,` is decimal
       ("1.500" = 1500, "1,500" = 1.5); in an EN workbook the reverse ("1,500" = 1500, "1.500" =
       1.5).
    5. Any other single separator is the decimal separator, whatever the language ("1,5" = 1.5,
       "12.50" = 12.5, "0.500" = 0.5).
    """
    body = re.sub(r"(?<=\d)[ '](?=\d)", "", body)
    if " " in body or "'" in body:
        raise ParseError("not-a-number", "stray space or apostrophe")
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        dec = "." if body.rfind(".") > body.rfind(",") else ","
        grp = "," if dec == "." else "."
        if body.count(dec) > 1:
            raise ParseError("not-a-number", "two decimal separators")
        whole, frac = body.split(dec)
        if not frac.isdigit() or not _grouped(whole, grp):
            raise ParseError("not-a-number", "misplaced separators")
        return float(f"{whole.replace(grp, '')}.{frac}")
    if not dots and not commas:
        return float(body)
    sep = "." if dots else ","
    if body.count(sep) > 1:
        if not _grouped(body, sep):
            raise ParseError("not-a-number", "misplaced separators")
        return float(body.replace(sep, ""))
    whole, frac = body.split(sep)
    if not frac.isdigit():
        raise ParseError("not-a-number", "separator without digits after it")
    ambiguous = len(frac) == 3 and 1 <= len(whole) <= 3 and whole != "0"
    if ambiguous and (rupiah or sep == ("." if lang == "id" else ",")):
        return float(whole + frac)
    return float(f"{whole or '0'}.{frac}")


def _parse_text(text: str, lang: str, *, words: bool = True) -> tuple[float, bool, str | None]:
    """(value, had a % sign, multiplier word) of a number typed as text; the % is not applied
    yet, the word is. `words=False` refuses number words (percent cells)."""
    s = _clean(text).strip()
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    percent = s.endswith("%")
    if percent:
        s = s[:-1].strip()
    rupiah = currency = False
    for _ in range(2):  # a sign may stand before or after the currency marker: -Rp 5 / Rp -5
        if s and s[0] in "+-":
            negative ^= s[0] == "-"
            s = s[1:].strip()
        m = _PREFIX.match(s) or _SUFFIX.search(s)
        if m and m.group(0).strip() != s.strip():
            currency = True
            rupiah |= m.group("cur").lower() in _RUPIAH_TOKENS
            s = (s[: m.start()] + s[m.end() :]).strip()
    if s.endswith("-"):
        s = _NO_CENTS.sub("", s)
    word, factor = None, 1
    if (m := _WORD.match(s)) and not _SCIENTIFIC.match(s):
        word = m["word"]
        factor = MULTIPLIER_LETTERS.get(lang, {}).get(word) or MULTIPLIER_WORDS.get(word.lower())
        if not factor or not words or percent:
            raise ParseError("not-a-number", "not digits")
        s = m["num"].strip()
    if not s or (percent and currency):
        raise ParseError("not-a-number", "no digits")
    if _SCIENTIFIC.match(s) and word is None:
        value = float(s)
    elif _BODY.match(s):
        value = _to_float(s, lang, rupiah)
    else:
        raise ParseError("not-a-number", "not digits")
    if factor != 1 and math.isfinite(value):
        # Exact decimal arithmetic: "5,4 juta" is 5,400,000, not 5,400,000.000000001.
        value = float(Decimal(repr(value)) * factor)
    return (-value if negative else value), percent, word


def _finite(value: float) -> float:
    if math.isnan(value) or math.isinf(value):
        raise ParseError("not-a-number", "not finite")
    return value


def parse_number(value: Any, *, lang: str = "en") -> float:
    """A number from a cell value: int/float as is, or text in EN/ID conventions (see `_to_float`).

    Text with a % sign raises ParseError('unexpected-percent'); booleans, dates and other text
    raise ParseError('not-a-number').
    """
    if isinstance(value, bool) or value is None:
        raise ParseError("not-a-number")
    if isinstance(value, int | float):
        return _finite(float(value))
    if not isinstance(value, str):
        raise ParseError("not-a-number")
    number, percent, _ = _parse_text(value, lang)
    if percent:
        raise ParseError("unexpected-percent")
    return _finite(number)


def number_word(value: Any, *, lang: str = "en") -> str | None:
    """The multiplier word of a number typed as text (`5,4 juta` -> "juta", `1,2 M` -> "M"), as
    `parse_number` reads it; None when there is none or the value is not such a number."""
    if not isinstance(value, str) or not any(ch.isalpha() for ch in value):
        return None
    try:
        return _parse_text(value, lang)[2]
    except ParseError:
        return None


def parse_int(value: Any, *, lang: str = "en") -> int:
    """A whole number (3, 3.0, "3", "1.000" in ID); ParseError('not-an-integer') for 2.5."""
    number = parse_number(value, lang=lang)
    if abs(number - round(number)) > 1e-9:
        raise ParseError("not-an-integer")
    return int(round(number))


def parse_percent(
    value: Any,
    *,
    lang: str = "en",
    number_format: str = "General",
    low: float | None = None,
    high: float | None = None,
) -> tuple[float, bool]:
    """(fraction, ambiguous) of a percent cell: 0.3 (shown as 30%), "30%", or 30 read as 30%.

    A plain number whose magnitude is at most 1 is a fraction (0.3 = 30%). A larger one is read
    as a whole-number percent (30 = 30%), or as a fraction when the cell is percent-formatted
    (attrition 1.5 shown as 150%); when that reading does not fit the range [low, high] and the
    other does, the other is taken (a plain AHT factor 1.1 = 110%). `ambiguous` is True when
    both readings fit, so the caller can warn (`percent-as-whole-number`).
    """
    if isinstance(value, str):
        number, percent, _ = _parse_text(value, lang, words=False)
        if percent:
            return _finite(number / 100), False
        number = _finite(number)
    else:
        number = parse_number(value, lang=lang)
    if abs(number) <= 1:
        return number, False

    def fits(x: float) -> bool:
        return (low is None or x >= low) and (high is None or x <= high)

    # A percent-formatted cell holds the fraction itself; a plain one most likely a whole
    # percent. The other reading is taken when only it fits the range (AHT factor 1.1 = 110%).
    as_is, scaled = number, number / 100
    first, second = (as_is, scaled) if "%" in number_format else (scaled, as_is)
    if fits(first):
        return first, fits(second)
    if fits(second):
        return second, False
    return first, False


# ------------------------------------------------------------------------------------------ dates
_EXCEL_EPOCH = date(1899, 12, 30)
_MONTHS = {
    # EN and ID month names and abbreviations, folded; Indonesian "Agt"/"Agu" and "Nop" included.
    **dict.fromkeys(("jan", "january", "januari"), 1),
    **dict.fromkeys(("feb", "february", "februari", "pebruari", "peb"), 2),
    **dict.fromkeys(("mar", "march", "maret"), 3),
    **dict.fromkeys(("apr", "april"), 4),
    **dict.fromkeys(("may", "mei"), 5),
    **dict.fromkeys(("jun", "june", "juni"), 6),
    **dict.fromkeys(("jul", "july", "juli"), 7),
    **dict.fromkeys(("aug", "august", "agu", "agt", "agus", "agustus"), 8),
    **dict.fromkeys(("sep", "sept", "september"), 9),
    **dict.fromkeys(("oct", "october", "okt", "oktober"), 10),
    **dict.fromkeys(("nov", "november", "nop", "nopember"), 11),
    **dict.fromkeys(("dec", "december", "des", "desember"), 12),
}
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?$")
_D_MON_Y = re.compile(r"^(\d{1,2})[\s\-./]*([a-z]+)\.?[\s\-./,]*(\d{4})$")
_MON_D_Y = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_WEEKDAY = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun|senin|selasa|rabu|kamis|jumat|sabtu|minggu)[a-z]*,?\s+"
)


def _make_date(y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ParseError("not-a-date", "no such day") from None


def parse_date(value: Any, *, lang: str = "en") -> date:
    """A date from a date/datetime, an Excel serial number, or text.

    Text forms: ISO `2026-11-23` (also with `/` or `.`), day first `23/11/2026`, `23-11-2026`,
    `23.11.2026` (month first `11/23/2026` only when the first number cannot be a month), and
    month names in EN or ID: `23 Nov 2026`, `23 November 2026`, `23 Agustus 2026`,
    `Nov 23, 2026`, with an optional weekday in front.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        raise ParseError("not-a-date")
    if isinstance(value, int | float):
        return _serial(value)
    if not isinstance(value, str):
        raise ParseError("not-a-date")
    s = schema.fold(_clean(value))
    s = _WEEKDAY.sub("", s)
    if m := _YMD.match(s):
        return _make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        # Day first (EN outside the US and ID alike); month first only when it must be.
        return _make_date(y, a, b) if b > 12 >= a else _make_date(y, b, a)
    if (m := _D_MON_Y.match(s)) and m[2] in _MONTHS:
        return _make_date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    if (m := _MON_D_Y.match(s)) and m[1] in _MONTHS:
        return _make_date(int(m[3]), _MONTHS[m[1]], int(m[2]))
    try:
        # A serial typed as text; never with number words ("45 rb" is no date).
        number, percent, _ = _parse_text(value, lang, words=False)
    except ParseError:
        raise ParseError("not-a-date") from None
    # Not a year or a day number: serials from 10,000 (1927) on.
    if percent or not math.isfinite(number) or number < 10_000:
        raise ParseError("not-a-date")
    return _serial(number)


def ambiguous_date(value: Any) -> tuple[date, date] | None:
    """(the date read, the other reading) of a date typed as text whose day and month could be
    swapped: `2/11/2026` is read day first, as 2 November 2026, in both languages (Indonesia and
    most English-speaking countries outside the US write the day first), though a US reader
    meant 11 February. None for anything else, and for `13/11/2026` or `11/11/2026`."""
    if not isinstance(value, str):
        return None
    s = _WEEKDAY.sub("", schema.fold(_clean(value)))
    m = _DMY.match(s)
    if not m:
        return None
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    if a == b or not (1 <= a <= 12 and 1 <= b <= 12):
        return None
    return date(y, b, a), date(y, a, b)


_MON_Y = re.compile(r"^([a-z]+)\.?[\s\-./,']*(\d{4})$")
_Y_M = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_M_Y = re.compile(r"^(\d{1,2})[-/.](\d{4})$")


def parse_month(value: Any, *, lang: str = "en") -> date:
    """The first day of the calendar month a cell names: any date of it (as `parse_date` reads
    them), or a month alone: `Jan 2027`, `Januari 2027`, `2027-01`, `01/2027`.

    Raises ParseError('not-a-date').
    """
    if isinstance(value, str):
        s = schema.fold(_clean(value))
        if (m := _MON_Y.match(s)) and m[1] in _MONTHS:
            return _make_date(int(m[2]), _MONTHS[m[1]], 1)
        if m := _Y_M.match(s):
            return _make_date(int(m[1]), int(m[2]), 1)
        if m := _M_Y.match(s):
            return _make_date(int(m[2]), int(m[1]), 1)
    return parse_date(value, lang=lang).replace(day=1)


def _serial(number: float) -> date:
    # 1..2958465 are the serials Excel can show as dates (1900-01-01 .. 9999-12-31).
    if not 1 <= number <= 2_958_465:
        raise ParseError("not-a-date", "serial out of range")
    return _EXCEL_EPOCH + timedelta(days=int(number))


# ---------------------------------------------------------------------------------- text, choices
def parse_text(value: Any) -> str:
    """Text of a cell, stripped; whole floats lose their `.0` (an option named 2024)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    # Only spaces are normalised: dashes in names and items ("PT Maju — Jaya") are the user's.
    text = str(value)
    if not text.isascii() or "\t" in text:
        text = text.translate(_TEXT_CLEAN)
    text = text.strip()
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def parse_choice(choices: tuple[schema.Choice, ...], value: Any) -> str:
    """The code of the choice a cell names (EN/ID label, code or synonym); booleans are yes/no.

    Raises ParseError('unknown-choice').
    """
    if isinstance(value, bool):
        value = "yes" if value else "no"
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    # Cached by the identity of the (module-level) choices tuple: a 20,000-line cost table
    # repeats the same few labels in every row.
    key = (id(choices), text)
    hit = _CHOICE_CACHE.get(key)
    if hit is not None and hit[0] is choices:
        code = hit[1]
    else:
        code = schema.match_choice(choices, _clean(text))
        if len(_CHOICE_CACHE) < 10_000:
            _CHOICE_CACHE[key] = (choices, code)
    if code is None:
        raise ParseError("unknown-choice")
    return code


_CHOICE_CACHE: dict[tuple[int, str], tuple[tuple[schema.Choice, ...], str | None]] = {}
