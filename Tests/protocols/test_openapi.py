"""openapi.yaml checked by the ecosystem's validators: openapi-spec-validator on the document, and openapi-core on
every request/response pair the Swift HTTP suite recorded against the real server. A response that drifts from
the document fails; operations no test exercised are listed (and written to openapi-coverage.txt)."""
import collections
import json
import os
import pathlib
import re
import urllib.parse

import pytest
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from conftest import SPEC_PATH, spec_operations

HOST = "http://127.0.0.1:8080"
OPERATIONS = [(m, p, op) for m, p, op, _ in spec_operations()]


def pattern(path):
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")


PATTERNS = [(m, pattern(p), p, op) for m, p, op in OPERATIONS]


def operation_for(method, path):
    for m, regex, template, op in PATTERNS:
        if m == method and regex.match(path):
            return template, op
    return None, None


def validator(*text_kinds):
    """openapi-core over the document (already checked by the test below), reading bodies of `text_kinds` as the
    strings the document says."""
    text = {kind: (lambda data, *_, **__: data.decode("utf-8") if isinstance(data, bytes) else data) for kind in text_kinds}
    return OpenAPI.from_file_path(str(SPEC_PATH), config=Config(spec_validator_cls=None, extra_media_type_deserializers=text))


def test_the_document_is_valid_openapi():
    spec, _ = read_from_filename(str(SPEC_PATH))
    validate(spec)


def test_no_operation_is_marked_planned():
    planned = [f"{m} {p}" for m, p, op in OPERATIONS if op.get("x-copiloto-status") == "planned"]
    assert not planned, f"served operations marked planned: {planned}"


def to_mocks(exchange):
    url = urllib.parse.urlsplit(exchange["path"])
    args = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
    request_headers = exchange["requestHeaders"]
    body = exchange["requestBody"]
    request = MockRequest(HOST, exchange["method"].lower(), url.path, args=args, headers=request_headers,
                          data=body.encode() if body is not None else None,
                          content_type=request_headers.get("content-type", "application/json"))
    response_headers = exchange["responseHeaders"]
    content_type = response_headers.get("content-type", "application/json")
    response = MockResponse(exchange["responseBody"].encode(), status_code=exchange["status"], headers=response_headers,
                            content_type=content_type.split(";")[0].strip())
    return url.path, request, response


def test_every_recorded_response_matches_the_document(exchanges):
    # Text bodies: the YAML document, SSE streams, Prometheus text.
    openapi = validator("application/yaml", "text/event-stream", "text/plain")
    failures = collections.defaultdict(list)
    exercised = collections.Counter()
    undocumented = set()
    for exchange in exchanges:
        path, request, response = to_mocks(exchange)
        template, operation = operation_for(exchange["method"], path)
        if operation is None:
            if 200 <= exchange["status"] < 300 and path.startswith(("/v1/", "/mcp", "/webhooks/")):
                undocumented.add(f'{exchange["method"]} {path}')
            continue
        key = f'{exchange["method"]} {template}'
        exercised[key] += 1
        try:
            openapi.validate_response(request, response)
        except Exception as error:  # noqa: BLE001 - every validation error is a finding
            detail = "; ".join(str(e) for e in getattr(error, "schema_errors", []) or [error])[:600]
            failures[key].append(f'{exchange["status"]} {exchange["path"]}: {type(error).__name__}: {detail}')
    never = sorted(f"{m} {p}" for m, p, _ in OPERATIONS if f"{m} {p}" not in exercised)
    report = pathlib.Path(os.environ.get("COPILOTO_TEST_OUTPUT", ".")) / "openapi-coverage.txt"
    report.write_text("\n".join([f"exercised {len(exercised)} of {len(OPERATIONS)} operations;"
                                 f" never exercised ({len(never)}):"] + never) + "\n")
    print(f"\nopenapi-core: {sum(exercised.values())} exchanges over {len(exercised)}/{len(OPERATIONS)} operations; "
          f"never exercised ({len(never)}): {', '.join(never)}")
    lines = [f"{key}:\n    " + "\n    ".join(items[:3]) for key, items in sorted(failures.items())]
    assert not failures, f"{len(failures)} operations answer outside the document:\n" + "\n".join(lines)
    assert not undocumented, f"served but undocumented: {sorted(undocumented)}"


def test_every_accepted_request_matches_the_document(exchanges):
    """A request the server accepted (2xx) is one a client generated from openapi.yaml could send: its path and
    query parameters, headers and body validate against the operation (requests answered 4xx are the suite's
    hostile inputs, refused on purpose)."""
    # Text bodies: CSV imports, HTML and Markdown uploads.
    openapi = validator("text/csv", "text/html", "text/markdown", "text/plain")
    failures = collections.defaultdict(list)
    checked = 0
    for exchange in exchanges:
        if not 200 <= exchange["status"] < 300:
            continue
        path, request, _ = to_mocks(exchange)
        template, operation = operation_for(exchange["method"], path)
        if operation is None:
            continue
        checked += 1
        try:
            openapi.validate_request(request)
        except Exception as error:  # noqa: BLE001 - every validation error is a finding
            detail = "; ".join(str(e) for e in getattr(error, "schema_errors", []) or [error])[:600]
            failures[f'{exchange["method"]} {template}'].append(
                f'{exchange["path"]} {(exchange["requestBody"] or "")[:200]}: {type(error).__name__}: {detail}')
    print(f"\nopenapi-core: {checked} accepted requests validated")
    lines = [f"{key}:\n    " + "\n    ".join(items[:2]) for key, items in sorted(failures.items())]
    assert not failures, f"{len(failures)} operations accept requests outside the document:\n" + "\n".join(lines)
