"""Background copilots: the gallery installs a template with one click, the no-code builder saves and simulates, and
the insight feed beside the conversation shows what a copilot found, live, with apply/dismiss."""
import uuid

from conftest import api, token_for


def webchat(visitor, text):
    status, body = api("POST", "/v1/channels/webchat/demo/messages", None,
                       {"visitorId": visitor, "messageId": uuid.uuid4().hex, "text": text})
    assert status in (200, 202), body


def installed(token, key):
    status, body = api("GET", "/v1/copilots?limit=200", token)
    assert status == 200, body
    return next((c for c in body["items"] if c.get("templateKey") == key), None)


def test_gallery_installs_a_template_and_the_builder_saves_and_simulates(browser):
    b = browser
    owner = token_for("owner@demo.local")
    webchat("sim-" + uuid.uuid4().hex[:6], "Achei caro, tem desconto?")
    b.sign_in("manager@demo.local", "#/copilots")
    card = b.until_css("[data-template='icp_mapper']")
    assert "Mapeador de ICP" in card.text
    if not installed(owner, "icp_mapper"):
        card.find_element("css selector", "[data-install]").click()
    builder = b.until_css("cp-copilot-builder form")
    b.wait().until(lambda d: d.find_element("css selector", "[data-template='icp_mapper'] [data-install]").get_attribute("disabled"))
    name = builder.find_element("css selector", "[name=name]")
    name.clear()
    name.send_keys("Mapeador de ICP (loja)")
    b.css("cp-copilot-builder [data-add-field]").click()
    rows = b.all("cp-copilot-builder [data-field-row]")
    last = rows[-1]
    last.find_element("css selector", "[name=fieldName]").send_keys("cidade")
    last.find_element("css selector", "[name=description]").send_keys("Cidade do comprador")
    b.css("cp-copilot-builder button[type=submit]").click()
    b.wait().until(lambda d: "Copiloto salvo" in d.find_element("css selector", "[data-builder-status]").text)
    saved = installed(owner, "icp_mapper")
    assert saved["name"] == "Mapeador de ICP (loja)"
    assert saved["schemaFields"][-1] == {"fieldName": "cidade", "fieldType": "STRING", "description": "Cidade do comprador", "isRequired": False}
    b.wait().until(lambda d: any("Mapeador de ICP (loja)" in e.text for e in d.find_elements("css selector", "[data-copilot]")))
    b.css("cp-copilot-builder [data-simulate]").click()
    b.wait(20).until(lambda d: d.find_elements("css selector", "[data-simulated] .insight"))
    assert "Não deu para derivar" in b.css("[data-simulated]").text
    b.shot("copilots-builder")
    assert b.app_errors() == []


def test_insights_appear_live_beside_the_conversation_and_are_applied(browser):
    b = browser
    owner = token_for("owner@demo.local")
    if not installed(owner, "objection_coach"):
        status, body = api("POST", "/v1/copilots/templates/objection_coach/install", owner, {})
        assert status == 201, body
    status, body = api("POST", "/v1/copilots", owner, {
        "name": "Humor no botão", "icon": "🧭", "systemPrompt": "Avalie o humor do cliente.",
        "triggers": [{"eventType": "MACRO_BUTTON_CLICKED"}],
        "schemaFields": [{"fieldName": "sentimento", "fieldType": "ENUM", "description": "Humor", "isRequired": True,
                          "enumValues": ["positivo", "neutro", "negativo"]}]})
    assert status == 201, body
    visitor = "coach-" + uuid.uuid4().hex[:8]
    webchat(visitor, "Achei muito caro, péssimo atendimento")
    status, page = api("GET", f"/v1/conversations?q={visitor}", owner)
    conversation = page["items"][0]["id"]
    b.sign_in("attendant@demo.local", f"#/inbox/{conversation}")
    # The coach runs in the server's dispatcher; its card is there on load or arrives through the live feed.
    # The feed re-renders on every live event: texts are read inside the wait, a stale card just means "look again".
    assert b.wait(30).until(lambda d: field_text(d, "objecao")) == "preco"
    # A macro button pressed now: the new card arrives live, without reloading.
    status, body = api("POST", "/v1/events", owner, {"type": "MACRO_BUTTON_CLICKED", "ticketId": conversation})
    assert status == 202, body
    assert b.wait(30).until(lambda d: field_text(d, "sentimento")) == "negativo"
    # The feed re-renders on every live event: find the coach's card afresh, then apply it.
    status, body = api("GET", f"/v1/insights?ticketId={conversation}", owner)
    coach_id = next(i["id"] for i in body["items"] if "objecao" in i["payload"])
    # The feed re-renders as events arrive: read the card's text afresh until it shows the template's name.
    b.wait().until(lambda d: "Coach de Objeções" in b.until_css(f"[data-insight='{coach_id}']").text)

    def apply(d):
        d.find_element("css selector", f"[data-insight='{coach_id}'] [data-apply]").click()
        return True
    b.wait().until(apply)
    b.wait().until(lambda d: d.find_elements("css selector", "cp-insight-feed [data-insight][data-status='APPLIED']"))
    status, body = api("GET", f"/v1/insights?ticketId={conversation}", owner)
    assert sorted(i["actionStatus"] for i in body["items"]) == ["APPLIED", "SUGGESTION"]
    b.shot("inbox-insights")
    assert b.app_errors() == []
    # A viewer reads the feed page (the dashboard it passes through on sign-in probes invoices it may not read).
    b.sign_in("viewer@demo.local", "#/insights")
    b.until_css("cp-insights-page cp-insight-feed [data-insight]")
    assert not b.all("cp-app-sidebar [data-nav='copilots']")
    assert b.all("cp-app-sidebar [data-nav='insights']")


def field_text(driver, field):
    """The text of the first insight card field named `field`, or None while it is absent or being re-rendered."""
    from selenium.common.exceptions import StaleElementReferenceException
    try:
        found = driver.find_elements("css selector", f"cp-insight-feed [data-insight] [data-field='{field}']")
        return found[0].text if found else None
    except StaleElementReferenceException:
        return None
