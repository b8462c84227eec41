"""AG-UI: a standard RunAgentInput (as CopilotKit's HttpAgent posts it) starts a run; every event validates with
the ag-ui-protocol package's models and the ordering rules; the message ids match the stored history."""
import importlib.metadata
import json
import uuid

import httpx

from ag_ui.core import RunAgentInput, UserMessage, Context
from agui_rules import validate_run
from conftest import BASE, api, has_upper_uuid, login, sse_events


def run_input(thread_id, text, **extra):
    """A RunAgentInput built with the package's own models, plus members the protocol may add later."""
    body = RunAgentInput(
        thread_id=thread_id, run_id=str(uuid.uuid4()),
        messages=[UserMessage(id=str(uuid.uuid4()), role="user", content="mensagem antiga"),
                  UserMessage(id=str(uuid.uuid4()), role="user", content=text)],
        tools=[], context=[Context(description="tela", value="Pedidos")], state={}, forwarded_props={},
    ).model_dump(by_alias=True, exclude_none=True, mode="json")
    body.update(extra)
    return body


def start(token, session_id, body):
    response = httpx.post(f"{BASE}/v1/assistant/sessions/{session_id}/messages?protocol=ag-ui", json=body,
                          headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}, timeout=120)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    assert not has_upper_uuid(response.text)
    return sse_events(response.text)


def new_session(token):
    response = api("POST", "/v1/assistant/sessions", token, body={})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_package_version_is_reported():
    print(f"ag-ui-protocol {importlib.metadata.version('ag-ui-protocol')}")


def test_a_read_run_with_tool_calls_validates_and_reconciles_with_history():
    token = login("finance@demo.local")
    session_id = new_session(token)
    body = run_input(session_id, "resumo financeiro do mês", futureMember={"x": 1}, parentRunId=None)
    events = start(token, session_id, body)
    validate_run(events)
    types = [e["type"] for e in events]
    assert {"TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT"} <= set(types)
    assert events[0]["threadId"] == session_id and events[0]["runId"] == body["runId"]
    assert "outcome" not in events[-1]
    streamed = [e["messageId"] for e in events if e["type"] == "TEXT_MESSAGE_START"]
    history = api("GET", f"/v1/assistant/sessions/{session_id}", token).json()["messages"]
    stored = [m for m in history if m["role"] == "assistant"]
    assert [m["content"] for m in history if m["role"] == "user"] == ["resumo financeiro do mês"]
    assert stored and stored[-1]["id"] == streamed[0]
    text = "".join(e["delta"] for e in events if e["type"] == "TEXT_MESSAGE_CONTENT" and e["messageId"] == streamed[0])
    assert text == stored[-1]["content"]


def test_a_write_ends_the_run_as_an_interrupt_naming_the_pending_action(owner):
    session_id = new_session(owner)
    events = start(owner, session_id, run_input(session_id, "crie um cliente chamado Loja Interrupção"))
    validate_run(events)
    proposed = [e for e in events if e["type"] == "CUSTOM" and e["name"] == "action.proposed"]
    assert len(proposed) == 1, [e["type"] for e in events]
    pending_id = proposed[0]["value"]["pendingActionId"]
    outcome = events[-1]["outcome"]
    assert outcome["type"] == "interrupt"
    assert [i["id"] for i in outcome["interrupts"]] == [pending_id]
    assert outcome["interrupts"][0]["reason"] == "approval"
    calls = {e["toolCallId"] for e in events if e["type"] == "TOOL_CALL_START"}
    assert outcome["interrupts"][0]["toolCallId"] in calls
    history = api("GET", f"/v1/assistant/sessions/{session_id}", owner).json()["messages"]
    assert history[-1]["pendingActionId"] == pending_id
    # Confirming in the next run (a plain "sim") resolves it: action.resolved, and no interrupt any more.
    after = start(owner, session_id, run_input(session_id, "sim"))
    validate_run(after)
    resolved = [e for e in after if e["type"] == "CUSTOM" and e["name"] == "action.resolved"]
    assert resolved and resolved[0]["value"]["pendingActionId"] == pending_id
    assert "outcome" not in after[-1]


def test_a_body_without_a_user_message_is_a_clear_400(owner):
    session_id = new_session(owner)
    body = run_input(session_id, "x")
    body["messages"] = [{"id": "1", "role": "assistant", "content": "oi"}]
    response = httpx.post(f"{BASE}/v1/assistant/sessions/{session_id}/messages?protocol=ag-ui", json=body,
                          headers={"Authorization": f"Bearer {owner}"})
    assert response.status_code == 400
    assert response.json()["error"]["details"]["fields"]["messages"]


def test_every_recorded_ag_ui_stream_validates(exchanges):
    """The AG-UI streams of the Swift HTTP suite (fake providers, other roles and inputs) validate too."""
    streams = [x for x in exchanges if "protocol=ag-ui" in x["path"] and x["status"] == 200]
    assert streams, "the Swift suite recorded no AG-UI stream"
    for exchange in streams:
        validate_run(sse_events(exchange["responseBody"]))
