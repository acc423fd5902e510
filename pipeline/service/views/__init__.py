"""One blueprint per audience: `client` (upload, issues, downloads), `consultant`, `api` (JSON)."""
