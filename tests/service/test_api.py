"""The JSON API of DESIGN §9: POST /api/submissions, GET /api/submissions/<id> and its artefacts."""

from __future__ import annotations

import json

import pytest

from .conftest import FAKE_PDF, add_client, api_upload, example_bytes, template_bytes


def test_token_is_required(web):
    response = web.post("/api/submissions")
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"
    wrong = web.get("/api/submissions/x", headers={"Authorization": "Bearer not-a-token"})
    assert wrong.status_code == 401


def test_valid_workbook_is_created_and_rendered(web, client_token, fast_render):
    response = api_upload(web, client_token, example_bytes(), "analysis.xlsx")
    assert response.status_code == 201
    body = response.get_json()
    assert set(body) >= {"id", "version", "status", "issues"}
    assert body["version"] == 1 and body["issues"] == []
    auth = {"Authorization": f"Bearer {client_token}"}
    shown = web.get(f"/api/submissions/{body['id']}", headers=auth).get_json()
    assert shown["status"] == "done"
    assert shown["job"] == {
        "id": shown["job"]["id"],
        "status": "done",
        "stage": "done",
        "progress": 100,
        "pages": 3,
        "error": None,
    }
    pdf = web.get(f"/api/submissions/{body['id']}/report.pdf", headers=auth)
    assert pdf.status_code == 200 and pdf.data == FAKE_PDF
    assert "analysis-v1.pdf" in pdf.headers["Content-Disposition"]
    results = web.get(f"/api/submissions/{body['id']}/results.json", headers=auth)
    assert json.loads(results.data) == {"schema": "fake"}
    annotated = web.get(f"/api/submissions/{body['id']}/annotated.xlsx", headers=auth)
    assert annotated.status_code == 200 and annotated.data[:2] == b"PK"


def test_workbook_with_errors_is_422_with_the_issues(web, client_token, fast_render):
    response = api_upload(web, client_token, template_bytes())
    assert response.status_code == 422
    body = response.get_json()
    assert body["status"] == "invalid" and body["version"] == 1
    assert [(i["sheet"], i["cell"], i["code"]) for i in body["issues"]][0] == (
        "Project",
        "B5",
        "missing-value",
    )
    auth = {"Authorization": f"Bearer {client_token}"}
    # kept, numbered: the next upload is version 2; no report for it
    assert api_upload(web, client_token, example_bytes()).get_json()["version"] == 2
    no_report = web.get(f"/api/submissions/{body['id']}/report.pdf", headers=auth)
    assert no_report.status_code == 409 and no_report.get_json()["status"] == "invalid"


def test_unusable_file_is_400_with_the_message(web, client_token):
    response = api_upload(web, client_token, b"%PDF-1.4 not a workbook", "report.xlsx")
    assert response.status_code == 400
    body = response.get_json()
    assert body["code"] == "unusable-file" and body["kind"] == "not-a-workbook"
    assert "report.xlsx" in body["error"]


def test_missing_file_field_is_400(web, client_token):
    response = web.post(
        "/api/submissions",
        data={"other": "x"},
        headers={"Authorization": f"Bearer {client_token}"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and "'file'" in response.get_json()["error"]


@pytest.mark.parametrize("suffix", ["", "/report.pdf", "/results.json", "/annotated.xlsx"])
def test_another_clients_submission_is_404(app, web, client_token, fast_render, suffix):
    sub_id = api_upload(web, client_token, example_bytes()).get_json()["id"]
    _, other = add_client(app, "PT Lain")
    response = web.get(
        f"/api/submissions/{sub_id}{suffix}", headers={"Authorization": f"Bearer {other}"}
    )
    assert response.status_code == 404
    assert (
        web.get(
            f"/api/submissions/nope{suffix}", headers={"Authorization": f"Bearer {other}"}
        ).status_code
        == 404
    )


def test_list_of_the_clients_own_submissions(app, web, client_token, fast_render):
    api_upload(web, client_token, template_bytes())
    api_upload(web, client_token, example_bytes())
    _, other = add_client(app, "PT Lain")
    api_upload(web, other, example_bytes())
    listed = web.get("/api/submissions", headers={"Authorization": f"Bearer {client_token}"})
    assert [(s["version"], s["status"]) for s in listed.get_json()] == [(2, "done"), (1, "invalid")]
    assert "issues" not in listed.get_json()[0]


def test_results_workbook_waits_for_the_report(web, client_token, fast_render):
    body = api_upload(web, client_token, template_bytes()).get_json()
    auth = {"Authorization": f"Bearer {client_token}"}
    assert web.get(f"/api/submissions/{body['id']}/results.xlsx", headers=auth).status_code == 409
