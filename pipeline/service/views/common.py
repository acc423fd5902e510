"""Helpers the three blueprints share: sending stored files, the job's state in words."""

from __future__ import annotations

import io

from flask import abort, send_file

from ..app import state

TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "json": "application/json",
    "zip": "application/zip",
    "md": "text/markdown; charset=utf-8",
}


def send_bytes(data: bytes, download_name: str):
    kind = download_name.rsplit(".", 1)[-1]
    return send_file(
        io.BytesIO(data),
        mimetype=TYPES.get(kind, "application/octet-stream"),
        as_attachment=True,
        download_name=download_name,
        max_age=0,
    )


def send_stored(key: str, download_name: str):
    storage = state().storage
    try:
        data = storage.get(key)
    except KeyError:
        abort(404)
    return send_bytes(data, download_name)
