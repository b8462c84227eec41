"""Fixtures for the protocol suite: the ecosystem's own clients and validators against a real `copiloto serve`.

scripts/protocols-test.sh starts the server (fresh SQLite database, demo data) and passes its address in
COPILOTO_URL; COPILOTO_EXCHANGES_DIR names the request/response pairs the Swift HTTP tests recorded.
"""
import json
import os
import pathlib
import re
import uuid

import httpx
import pytest

BASE = os.environ.get("COPILOTO_URL", "http://127.0.0.1:18080").rstrip("/")
ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi.yaml"
PASSWORD = "demo1234"
UPPER_UUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
ANY_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def api(method, path, token=None, body=None, headers=None, timeout=60):
    """One JSON call to the server; returns the httpx response."""
    sent = {"Accept-Language": "pt-BR"}
    if token:
        sent["Authorization"] = f"Bearer {token}"
    sent.update(headers or {})
    return httpx.request(method, BASE + path, headers=sent, json=body, timeout=timeout)


def login(email):
    response = api("POST", "/v1/auth/login", body={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["token"]


def has_upper_uuid(text):
    """Whether `text` has a UUID with an upper-case hexadecimal digit (RFC 9562: lower case on output)."""
    return any(UPPER_UUID.fullmatch(m.group(0)) or m.group(0) != m.group(0).lower() for m in ANY_UUID.finditer(text))


def sse_events(text):
    """The JSON objects of the `data:` lines of an SSE body."""
    return [json.loads(line[6:]) for line in text.splitlines() if line.startswith("data: ")]


@pytest.fixture(scope="session")
def owner():
    return login("owner@demo.local")


@pytest.fixture(scope="session")
def viewer():
    return login("viewer@demo.local")


@pytest.fixture()
def fresh_id():
    return str(uuid.uuid4())


@pytest.fixture(scope="session")
def exchanges():
    """The request/response pairs the Swift HTTP tests recorded (scripts/test.sh sets the folder)."""
    folder = os.environ.get("COPILOTO_EXCHANGES_DIR")
    if not folder:
        pytest.skip("COPILOTO_EXCHANGES_DIR is not set (scripts/test.sh records the Swift suite's exchanges)")
    files = sorted(pathlib.Path(folder).glob("*.json"))
    assert files, f"no recorded exchanges in {folder}"
    return [json.loads(f.read_text()) for f in files]


def spec_operations():
    """Every (method, path template, operation) of openapi.yaml."""
    import yaml
    spec = yaml.safe_load(SPEC_PATH.read_text())
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete", "options"):
                yield method.upper(), path, operation, spec
