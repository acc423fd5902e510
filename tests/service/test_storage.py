"""The storage interface: a folder (atomic writes, keys never escape it) and S3-compatible storage
(against a stand-in client: no bucket is reachable from the tests)."""

from __future__ import annotations

import pytest

from pipeline.service.storage import FolderStorage, S3Storage, make_storage


@pytest.mark.parametrize("key", ["../x", "/etc/passwd", "a/../../b", "a b", "", "a//b"])
def test_keys_are_ids_not_paths(tmp_path, key):
    with pytest.raises(ValueError):
        FolderStorage(tmp_path).put(key, b"x")


def test_folder_storage_round_trip(tmp_path):
    store = FolderStorage(tmp_path)
    store.put("submissions/abc/workbook.xlsx", b"data")
    assert store.exists("submissions/abc/workbook.xlsx")
    assert store.get("submissions/abc/workbook.xlsx") == b"data"
    assert [p.name for p in (tmp_path / "submissions" / "abc").iterdir()] == ["workbook.xlsx"]
    store.delete("submissions/abc/workbook.xlsx")
    with pytest.raises(KeyError):
        store.get("submissions/abc/workbook.xlsx")


class FakeS3:
    """The four calls S3Storage makes, in memory."""

    class exceptions:  # noqa: N801 - mirrors boto3's client.exceptions
        class NoSuchKey(Exception):
            pass

    def __init__(self):
        self.objects: dict[tuple[str, str], bytes] = {}

    def put_object(self, *, Bucket, Key, Body):  # noqa: N803 - boto3's names
        self.objects[Bucket, Key] = Body

    def get_object(self, *, Bucket, Key):  # noqa: N803
        import io

        if (Bucket, Key) not in self.objects:
            raise self.exceptions.NoSuchKey(Key)
        return {"Body": io.BytesIO(self.objects[Bucket, Key])}

    def head_object(self, *, Bucket, Key):  # noqa: N803
        from botocore.exceptions import ClientError

        if (Bucket, Key) not in self.objects:
            raise ClientError({"Error": {"Code": "404"}}, "HeadObject")

    def delete_object(self, *, Bucket, Key):  # noqa: N803
        self.objects.pop((Bucket, Key), None)


def test_s3_storage_uses_bucket_and_prefix(tmp_path, monkeypatch):
    import boto3

    fake = FakeS3()
    seen = {}

    def client(service, endpoint_url=None):
        seen.update(service=service, endpoint_url=endpoint_url)
        return fake

    monkeypatch.setattr(boto3, "client", client)
    monkeypatch.setenv("S3_ENDPOINT_URL", "http://minio.internal:9000")
    store = make_storage("s3://cs-files/prod/", tmp_path)
    assert isinstance(store, S3Storage)
    assert seen == {"service": "s3", "endpoint_url": "http://minio.internal:9000"}
    store.put("jobs/j1/report.pdf", b"%PDF")
    assert fake.objects == {("cs-files", "prod/jobs/j1/report.pdf"): b"%PDF"}
    assert store.exists("jobs/j1/report.pdf") and store.get("jobs/j1/report.pdf") == b"%PDF"
    store.delete("jobs/j1/report.pdf")
    assert not store.exists("jobs/j1/report.pdf")
    with pytest.raises(KeyError):
        store.get("jobs/j1/report.pdf")


def test_unknown_storage_url_is_refused(tmp_path):
    with pytest.raises(ValueError, match="s3://"):
        make_storage("ftp://host/x", tmp_path)
