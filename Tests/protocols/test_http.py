"""HTTP conventions checked over every documented route: RFC 6750 challenges on every 401, RFC 9562 lower-case
UUIDs on output (either case accepted on input), and promtool-clean metrics (promtool runs in the script)."""
import re
import uuid

import httpx
import pytest

from conftest import BASE, api, has_upper_uuid, spec_operations

AUTHENTICATED = [(m, p) for m, p, op, spec in spec_operations() if op.get("security", spec.get("security")) != []]


def concrete(path):
    """The path with every `{param}` filled: a random UUID for ids, the demo tenant's slug for slugs."""
    return re.sub(r"\{([^}]+)\}", lambda m: "demo" if "slug" in m.group(1).lower() else str(uuid.uuid4()), path)


def test_the_walk_covers_the_document():
    assert len(AUTHENTICATED) > 100
    assert ("POST", "/mcp") in AUTHENTICATED


@pytest.mark.parametrize("method,path", AUTHENTICATED)
def test_every_authenticated_route_challenges_with_bearer(method, path):
    url = BASE + concrete(path)
    body = {} if method in ("POST", "PUT", "PATCH") else None
    none = httpx.request(method, url, json=body)
    assert none.status_code == 401, none.text
    assert re.fullmatch(r'Bearer realm="copiloto"', none.headers.get("www-authenticate", "")), none.headers
    assert none.json()["error"]["code"] == "unauthenticated"
    bad = httpx.request(method, url, json=body, headers={"Authorization": "Bearer not-a-real-token"})
    assert bad.status_code == 401, bad.text
    assert bad.headers.get("www-authenticate") == 'Bearer realm="copiloto", error="invalid_token"'


def test_ids_are_lower_case_in_bodies_headers_and_streams(owner):
    created = api("POST", "/v1/customers", owner, body={"name": "Cliente UUID"})
    assert created.status_code == 201, created.text
    assert not has_upper_uuid(created.text)
    assert not has_upper_uuid(" ".join(created.headers.values()))
    customer = created.json()["id"]
    assert customer == customer.lower()
    upper = api("GET", f"/v1/customers/{customer.upper()}", owner)
    assert upper.status_code == 200 and upper.json()["id"] == customer
    for path in ("/v1/customers?limit=5", "/v1/orders?limit=5", "/v1/users", "/v1/me", "/v1/settings/permissions",
                 "/v1/assistant/sessions"):
        response = api("GET", path, owner)
        assert response.status_code == 200, (path, response.text)
        assert not has_upper_uuid(response.text), path


def test_every_recorded_response_has_lower_case_uuids(exchanges):
    offenders = [f'{x["method"]} {x["path"]}' for x in exchanges
                 if has_upper_uuid(x["responseBody"]) or has_upper_uuid(" ".join(x["responseHeaders"].values()))]
    assert not offenders, f"{len(offenders)} responses carry upper-case UUIDs, e.g. {offenders[:10]}"


def test_every_recorded_401_has_a_bearer_challenge(exchanges):
    missing = [f'{x["method"]} {x["path"]}' for x in exchanges
               if x["status"] == 401 and not x["responseHeaders"].get("www-authenticate", "").startswith("Bearer")]
    assert not missing, missing[:10]
