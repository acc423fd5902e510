"""Default qualitative criteria and the benchmarks behind validation warnings (DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass

from .core import T, Text, fold


@dataclass(frozen=True, kw_only=True)
class Criterion:
    key: str
    label: Text
    weight: float
    in_house: int
    outsourced: int


DEFAULT_CRITERIA = (
    Criterion(
        key="control",
        label=T("Control over quality and brand", "Kendali atas kualitas dan merek"),
        weight=4,
        in_house=5,
        outsourced=3,
    ),
    Criterion(
        key="flexibility",
        label=T("Flexibility and scalability", "Fleksibilitas dan skalabilitas"),
        weight=4,
        in_house=2,
        outsourced=5,
    ),
    Criterion(
        key="quality",
        label=T("Service quality and product knowledge", "Kualitas layanan dan pengetahuan produk"),
        weight=4,
        in_house=4,
        outsourced=3,
    ),
    Criterion(
        key="speed",
        label=T("Response time and resolution speed", "Waktu respons dan kecepatan penyelesaian"),
        weight=3,
        in_house=4,
        outsourced=3,
    ),
    Criterion(
        key="expertise",
        label=T("Customer-service expertise and tools", "Keahlian dan perangkat layanan pelanggan"),
        weight=3,
        in_house=3,
        outsourced=4,
    ),
    Criterion(
        key="crisis",
        label=T("Crisis and complex-issue handling", "Penanganan krisis dan masalah kompleks"),
        weight=3,
        in_house=5,
        outsourced=2,
    ),
    Criterion(
        key="security",
        label=T("Data security and compliance", "Keamanan data dan kepatuhan"),
        weight=4,
        in_house=4,
        outsourced=3,
    ),
    Criterion(
        key="availability",
        label=T("24/7 and multilingual availability", "Ketersediaan 24/7 dan multibahasa"),
        weight=2,
        in_house=2,
        outsourced=5,
    ),
    Criterion(
        key="launch",
        label=T("Time to launch", "Waktu untuk memulai"),
        weight=2,
        in_house=2,
        outsourced=5,
    ),
    Criterion(
        key="exit",
        label=T("Contract and exit flexibility", "Fleksibilitas kontrak dan keluar"),
        weight=3,
        in_house=4,
        outsourced=2,
    ),
    Criterion(
        key="hiring",
        label=T("Hiring control and local employment", "Kendali rekrutmen dan tenaga kerja lokal"),
        weight=2,
        in_house=5,
        outsourced=2,
    ),
)

# Benchmarks (DOMAIN.md, seed 003 and reported figures) used by validation warnings.
VENDOR_RATE_USD = (10.0, 50.0)
CONTACTS_PER_AGENT_HOUR = {
    # channel kind -> (low, high) plausible contacts per staffed agent hour
    "phone": (4.0, 20.0),
    "walk-in": (2.0, 10.0),
    "online": (6.0, 45.0),
}


def channel_kind(name: str, mode: str) -> str:
    """phone, walk-in or online: which productivity benchmark a channel is held to."""
    n = fold(name)
    if any(k in n for k in ("walk", "tatap", "offline", "counter", "loket", "cabang", "branch")):
        return "walk-in"
    if mode == "live" and any(
        k in n for k in ("phone", "call", "voice", "telepon", "telp", "suara")
    ):
        return "phone"
    if (
        mode == "live"
        and "chat" not in n
        and not any(k in n for k in ("whatsapp", "wa", "social", "sosial"))
    ):
        return "phone"
    return "online"
