"""AG-UI checks shared by the live runs and the streams the Swift tests recorded: every event parses as the
ag-ui-protocol package's model of its type, and the sequence follows the protocol's ordering rules (those the
reference client's verifier enforces)."""
from pydantic import TypeAdapter

from ag_ui.core import PROTOCOL_VERSION, Event

EVENT = TypeAdapter(Event)


def validate_run(events):
    """Parses every event with the package's models and checks the ordering rules; returns the parsed events."""
    assert events, "an empty AG-UI stream"
    parsed = [EVENT.validate_python(event) for event in events]
    types = [event["type"] for event in events]
    assert types[0] == "RUN_STARTED", types
    assert events[0].get("protocolVersion") == PROTOCOL_VERSION, events[0]
    assert types[-1] in ("RUN_FINISHED", "RUN_ERROR"), types
    assert types.count("RUN_FINISHED") + types.count("RUN_ERROR") == 1, types
    assert types.count("RUN_STARTED") == 1, types
    thread, run = events[0]["threadId"], events[0]["runId"]
    if types[-1] == "RUN_FINISHED":
        assert (events[-1]["threadId"], events[-1]["runId"]) == (thread, run)
    open_messages, ended_messages, open_calls, ended_calls = set(), set(), set(), set()
    for event in events[1:]:
        kind = event["type"]
        if kind == "TEXT_MESSAGE_START":
            assert event["messageId"] not in open_messages | ended_messages, f"message started twice: {event}"
            open_messages.add(event["messageId"])
        elif kind in ("TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END"):
            assert event["messageId"] in open_messages, f"{kind} for a message that is not open: {event}"
            if kind == "TEXT_MESSAGE_CONTENT":
                assert event["delta"], "TEXT_MESSAGE_CONTENT with an empty delta"
            else:
                open_messages.discard(event["messageId"])
                ended_messages.add(event["messageId"])
        elif kind == "TOOL_CALL_START":
            assert event["toolCallId"] not in open_calls | ended_calls, f"tool call started twice: {event}"
            open_calls.add(event["toolCallId"])
        elif kind in ("TOOL_CALL_ARGS", "TOOL_CALL_END"):
            assert event["toolCallId"] in open_calls, f"{kind} for a tool call that is not open: {event}"
            if kind == "TOOL_CALL_END":
                open_calls.discard(event["toolCallId"])
                ended_calls.add(event["toolCallId"])
        elif kind == "TOOL_CALL_RESULT":
            assert event["toolCallId"] in ended_calls, f"a result before its call ended: {event}"
        elif kind in ("RUN_FINISHED", "RUN_ERROR"):
            assert not open_messages and not open_calls, f"{kind} with open messages or tool calls"
    return parsed
