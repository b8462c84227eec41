"""The official MCP Python SDK (1.x and the newest line) driving /mcp over Streamable HTTP as two roles.

scripts/protocols-test.sh runs this file once in each SDK's venv.
"""
import importlib.metadata
import re
from contextlib import asynccontextmanager

import anyio
import httpx
import pytest
from mcp import ClientSession

from conftest import BASE, api, has_upper_uuid

MCP_URL = BASE + "/mcp"
SDK = importlib.metadata.version("mcp")
MAJOR = int(SDK.split(".")[0])

try:  # the error raised for a JSON-RPC error response: MCPError (2.x), McpError (1.x)
    from mcp.shared.exceptions import MCPError as ProtocolError
except ImportError:
    from mcp.shared.exceptions import McpError as ProtocolError


@asynccontextmanager
async def session(token):
    """An initialized ClientSession over Streamable HTTP with `Authorization: Bearer <token>`."""
    headers = {"Authorization": f"Bearer {token}"}
    if MAJOR >= 2:
        import httpx2
        from mcp.client.streamable_http import streamable_http_client
        async with httpx2.AsyncClient(headers=headers, timeout=30) as http:
            async with streamable_http_client(MCP_URL, http_client=http, terminate_on_close=False) as streams:
                async with ClientSession(streams[0], streams[1]) as client:
                    result = await client.initialize()
                    yield client, result
    else:
        from mcp.client.streamable_http import streamablehttp_client
        async with streamablehttp_client(MCP_URL, headers=headers, terminate_on_close=False) as (read, write, _):
            async with ClientSession(read, write) as client:
                result = await client.initialize()
                yield client, result


def run(fn):
    return anyio.run(fn)


def field(obj, camel):
    """A model field by its wire name: 1.x models use camelCase attributes, 2.x snake_case."""
    if hasattr(obj, camel):
        return getattr(obj, camel)
    return getattr(obj, re.sub(r"(?<!^)(?=[A-Z])", "_", camel).lower())


def test_sdk_version_is_reported():
    print(f"mcp SDK {SDK}")
    assert MAJOR >= 1


def test_initialize_negotiates_a_version_the_sdk_speaks(owner):
    try:
        from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
    except ImportError:
        from mcp_types.version import SUPPORTED_PROTOCOL_VERSIONS

    async def go():
        async with session(owner) as (_, result):
            assert field(result, "serverInfo").name == "copiloto"
            version = str(field(result, "protocolVersion"))
            assert version in [str(v) for v in SUPPORTED_PROTOCOL_VERSIONS]
            assert result.capabilities.tools is not None
            print(f"mcp {SDK} negotiated {version}")
    run(go)


def test_tools_follow_the_role(owner, viewer):
    async def go():
        async with session(owner) as (client, _):
            tools = {t.name: t for t in (await client.list_tools()).tools}
        assert "createCustomer" in tools and field(tools["createCustomer"].annotations, "readOnlyHint") is False
        assert field(tools["deleteCustomer"].annotations, "destructiveHint") is True
        assert field(tools["searchCustomers"], "inputSchema")["type"] == "object"
        async with session(viewer) as (client, _):
            names = {t.name for t in (await client.list_tools()).tools}
        assert "searchCustomers" in names and "createCustomer" not in names
    run(go)


def test_a_read_runs_and_a_write_comes_back_pending(owner, viewer):
    before = api("GET", "/v1/customers?q=Cliente%20MCP%20SDK", owner).json()["items"]

    async def go():
        async with session(viewer) as (client, _):
            read = await client.call_tool("getOrder", {"orderId": "#1001"})
            assert not field(read, "isError")
            assert field(read, "structuredContent")["number"] == 1001
            assert not has_upper_uuid(read.content[0].text)
            denied = await client.call_tool("createCustomer", {"name": "Não Pode"})
            assert field(denied, "isError")
        async with session(owner) as (client, _):
            write = await client.call_tool("createCustomer", {"name": f"Cliente MCP SDK {SDK}"})
            assert not field(write, "isError")
            assert field(write, "structuredContent")["status"] == "pending"
            pending_id = field(write, "structuredContent")["pendingActionId"]
            assert pending_id == pending_id.lower()
        return pending_id

    pending_id = run(go)
    assert api("GET", "/v1/customers?q=Cliente%20MCP%20SDK", owner).json()["items"] == before
    # Ids are accepted in either case on input: cancel it by its upper-case spelling.
    cancelled = api("POST", f"/v1/pending-actions/{pending_id.upper()}/cancel", owner)
    assert cancelled.status_code in (200, 204), cancelled.text


def test_an_unknown_tool_is_a_protocol_error(owner):
    async def go():
        async with session(owner) as (client, _):
            with pytest.raises(ProtocolError) as raised:
                await client.call_tool("noSuchTool", {})
            assert raised.value.error.code == -32602
    run(go)


def test_bad_arguments_are_a_tool_error_the_model_can_read(owner):
    async def go():
        async with session(owner) as (client, _):
            result = await client.call_tool("createCustomer", {"name": 42, "unknownField": True})
            assert field(result, "isError")
            assert "name" in result.content[0].text
    run(go)


def test_no_token_and_a_bad_token_are_refused_with_a_bearer_challenge():
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    plain = httpx.post(MCP_URL, json=body, headers={"Accept": "application/json, text/event-stream"})
    assert plain.status_code == 401
    assert plain.headers["www-authenticate"].startswith("Bearer")
    assert "error=" not in plain.headers["www-authenticate"]
    bad = httpx.post(MCP_URL, json=body, headers={"Authorization": "Bearer nope", "Accept": "application/json, text/event-stream"})
    assert bad.status_code == 401
    assert 'error="invalid_token"' in bad.headers["www-authenticate"]

    async def go():
        async with session("not-a-token"):
            pass
    with pytest.raises(BaseException):
        run(go)


def test_get_and_delete_are_not_offered_by_this_stateless_server(owner):
    for method in ("GET", "DELETE"):
        response = httpx.request(method, MCP_URL, headers={"Authorization": f"Bearer {owner}", "Accept": "text/event-stream"})
        assert response.status_code == 405, method
        assert response.headers["allow"] == "POST"
