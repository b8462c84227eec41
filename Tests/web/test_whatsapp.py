"""WhatsApp as it really is, in the inbox: a voice note with its player and transcript, delivery ticks, the 24-hour
window's remaining time and, once it is closed, the approved-template picker."""
import hashlib
import hmac
import json
import os
import time
import urllib.request
import uuid

import pytest
from selenium.common.exceptions import StaleElementReferenceException

from conftest import BASE, api, token_for
from fake_meta import FakeMeta

SECRET = b"web-test-app-secret"


@pytest.fixture(scope="module")
def meta():
    port = os.environ.get("COPILOTO_FAKE_META_PORT")
    if not port:
        pytest.skip("scripts/web-test.sh starts the server with the loopback Graph API's port")
    fake = FakeMeta(int(port)).start()
    yield fake
    fake.stop()


def webhook(message, wa_id, name="Rita"):
    payload = {"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "5511900000000", "phone_number_id": "1234567890"},
        "contacts": [{"profile": {"name": name}, "wa_id": wa_id}], "messages": [message]}}]}]}
    body = json.dumps(payload).encode()
    req = urllib.request.Request(BASE + "/webhooks/whatsapp/demo", data=body, method="POST")
    req.add_header("Content-Type", "application/json")
    req.add_header("X-Hub-Signature-256", "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest())
    with urllib.request.urlopen(req, timeout=15) as res:
        assert res.status == 200


def conversation_of(token, wa_id):
    status, page = api("GET", "/v1/conversations?channel=whatsapp&limit=100", token)
    assert status == 200, page
    return next((c for c in page["items"] if c["externalContact"] == wa_id), None)


def wait_for(check, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("condition not met in time")


def shows(selector, text):
    """A wait condition read afresh each time: a live event may re-render the thread under the test."""
    def check(d):
        try:
            return any(text in e.text for e in d.find_elements("css selector", selector))
        except StaleElementReferenceException:
            return False
    return check


def open_conversation(b, wa_id):
    """Clicks the conversation, again if the live list was re-rendered under the click."""
    def click(d):
        try:
            item = next((e for e in d.find_elements("css selector", "[data-conversation]") if wa_id in e.text), None)
            if item is None:
                return False
            item.click()
            return True
        except StaleElementReferenceException:
            return False
    b.wait(20).until(click)
    b.wait(20).until(shows(".thread-head", wa_id))


def test_a_voice_note_plays_with_its_transcript_and_replies_show_ticks(browser, meta):
    b = browser
    owner = token_for("owner@demo.local")
    wa_id = "55119" + str(uuid.uuid4().int)[:8]
    audio = b"OggS" + os.urandom(3000)
    meta.media["WEBVOICE" + wa_id] = (audio, "audio/ogg")
    webhook({"from": wa_id, "id": "wamid.WV" + wa_id, "timestamp": str(int(time.time())), "type": "audio",
             "audio": {"mime_type": "audio/ogg; codecs=opus", "sha256": hashlib.sha256(audio).hexdigest(), "id": "WEBVOICE" + wa_id,
                       "voice": True}}, wa_id)
    conversation = wait_for(lambda: conversation_of(owner, wa_id))
    wait_for(lambda: api("GET", f"/v1/conversations/{conversation['id']}/messages", owner)[1]["items"][0]["media"].get("state") == "stored")
    assert meta.uploads, "the voice note went to the transcription server"
    status, sent = api("POST", f"/v1/conversations/{conversation['id']}/messages", owner, {"text": "Oi Rita! Já vou ver seu pedido."})
    assert status == 201, sent
    b.sign_in("owner@demo.local", "#/inbox")
    open_conversation(b, wa_id)
    b.wait(20).until(lambda d: d.find_elements("css selector", "[data-media='audio'] audio"))
    b.wait(20).until(shows("[data-transcript]", meta.transcript))
    b.wait(20).until(lambda d: any(e.get_attribute("data-ticks") == "sent" for e in d.find_elements("css selector", "[data-ticks]")))
    b.wait(20).until(shows("[data-window='open']", "Janela de 24 h: restam"))
    b.shot("inbox-whatsapp-voice")
    assert b.app_errors() == []


def test_a_closed_window_offers_the_approved_templates(browser, meta):
    b = browser
    owner = token_for("owner@demo.local")
    meta.templates = [{"name": "retorno_atendimento", "language": "pt_BR", "status": "APPROVED", "category": "UTILITY", "id": "1",
                       "components": [{"type": "BODY", "text": "Oi {{1}}, podemos continuar seu atendimento?"}]}]
    status, synced = api("POST", "/v1/whatsapp/templates/sync", owner, {})
    assert status == 200, synced
    wa_id = "55219" + str(uuid.uuid4().int)[:8]
    webhook({"from": wa_id, "id": "wamid.WT" + wa_id, "timestamp": str(int(time.time()) - 25 * 3600), "type": "text",
             "text": {"body": "oi, ontem perguntei do frete"}}, wa_id, name="Caio")
    wait_for(lambda: conversation_of(owner, wa_id))
    b.sign_in("owner@demo.local", "#/inbox")
    open_conversation(b, wa_id)
    b.until_css("[data-window='closed']")
    b.wait(20).until(shows("[data-template-form] [data-template-body]", "podemos continuar"))


    def fill_and_send(d):
        # The conversation pane may re-render (a live update) between finding the form and clicking it: the wait
        # retries the whole step on a stale element, and the value is checked, so nothing is typed twice.
        field = d.find_element("css selector", "[data-template-form] input[name=v1]")
        if field.get_attribute("value") != "Caio":
            field.clear()
            field.send_keys("Caio")
        d.find_element("css selector", "[data-template-form] button[type=submit]").click()
        return True

    b.wait(20).until(fill_and_send)
    b.wait(20).until(lambda d: d.find_elements("css selector", "[data-messages] [data-template]"))
    wait_for(lambda: any(m.get("type") == "template" and m["template"]["name"] == "retorno_atendimento" for m in meta.sent))
    b.shot("inbox-whatsapp-template")
    assert b.app_errors() == []
