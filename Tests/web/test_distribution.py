"""The inbox's team side: internal notes, funnel stages, the distribution settings with people and AI agents,
availability, and the agents' analytics charts."""
import uuid

from conftest import api, token_for
from test_inbox import VISITOR_TOKENS, ensure_agent, webchat


def open_conversation(b, visitor):
    b.wait(15).until(lambda d: any(visitor in e.text for e in d.find_elements("css selector", "[data-conversation]")))
    next(e for e in b.all("[data-conversation]") if visitor in e.text).click()
    b.until_css("[data-reply] textarea")


def test_note_and_stage_from_the_thread(browser):
    b = browser
    owner = token_for("owner@demo.local")
    ensure_agent(owner)
    visitor = "note-" + uuid.uuid4().hex[:8]
    webchat(visitor, "Quero um orçamento para 30 unidades")
    b.sign_in("attendant@demo.local", "#/inbox")
    open_conversation(b, visitor)
    b.css("[data-note-toggle]").click()
    b.css("[data-reply] textarea").send_keys("Cliente de atacado: oferecer tabela B")
    b.css("[data-reply] button[type=submit]").click()
    b.wait().until(lambda d: d.find_elements("css selector", "[data-messages] [data-sender='note']"))
    status, thread = api("GET", f"/v1/channels/webchat/demo/messages?visitorId={visitor}&visitorToken={VISITOR_TOKENS[visitor]}", None)
    assert api("GET", f"/v1/channels/webchat/demo/messages?visitorId={visitor}", None)[0] == 401
    assert status == 200 and all("atacado" not in m["text"] for m in thread["items"])
    from selenium.webdriver.support.ui import Select
    Select(b.css("[data-stage]")).select_by_value("Vendas|Proposta")
    status, page = api("GET", "/v1/conversations?stage=Proposta", owner)
    b.wait().until(lambda d: any(c["externalContact"] == visitor
                                 for c in api("GET", "/v1/conversations?stage=Proposta", owner)[1]["items"]))
    b.shot("inbox-note-stage")
    assert b.app_errors() == []


def test_distribution_settings_and_availability(browser):
    b = browser
    owner = token_for("owner@demo.local")
    ensure_agent(owner)
    webchat("dist-" + uuid.uuid4().hex[:8], "Oi, tudo bem?")
    b.sign_in("owner@demo.local", "#/ai-agents")
    b.until_css("cp-agent-analytics [data-analytics]")
    assert b.all("cp-agent-analytics cp-chart svg")
    form = b.until_css("cp-inbox-settings [data-distribution]")
    from selenium.webdriver.support.ui import Select
    Select(form.find_element("css selector", "select[name=method]")).select_by_value("round_robin")
    status, users = api("GET", "/v1/users?limit=50", owner)
    attendant = next(u for u in users["items"] if u["email"] == "attendant@demo.local")
    row = b.css(f"[data-member-row='{attendant['id']}']")
    row.find_element("css selector", "input[name=member]").click()
    row.find_element("css selector", "input[name=departments]").send_keys("Vendas, Financeiro")
    form.find_element("css selector", "button[type=submit]").click()
    b.wait().until(lambda d: d.find_element("css selector", "cp-inbox-settings [data-status]").text.strip() != "")
    status, settings = api("GET", "/v1/inbox/settings", owner)
    assert settings["method"] == "round_robin", settings
    mine = [m for m in settings["members"] if m["id"].lower() == attendant["id"].lower()]
    assert mine and mine[0]["departments"] == ["Vendas", "Financeiro"]
    b.shot("distribution-settings")
    # The attendant, now in the pool, switches to away from the inbox.
    b.sign_in("attendant@demo.local", "#/inbox")
    button = b.until_css("[data-availability]:not([hidden])")
    button.click()
    b.wait().until(lambda d: d.find_element("css selector", "[data-availability]").get_attribute("data-available") == "false")
    status, settings = api("GET", "/v1/inbox/settings", owner)
    assert [m for m in settings["members"] if m["id"].lower() == attendant["id"].lower()][0]["available"] is False
    api("PUT", "/v1/inbox/settings", owner, {"members": [], "method": "load"})
    assert b.app_errors() == []


def test_channel_accounts_card_keeps_secrets_write_only(browser):
    b = browser
    owner = token_for("owner@demo.local")
    b.sign_in("owner@demo.local", "#/ai-agents")
    form = b.until_css("cp-channel-accounts [data-channel-form='whatsapp']")
    assert "/webhooks/whatsapp/demo" in form.text
    form.find_element("css selector", "input[name=externalAccountId]").clear()
    form.find_element("css selector", "input[name=externalAccountId]").send_keys("5550002222")
    form.find_element("css selector", "input[name=appSecret]").send_keys("segredo-da-loja")
    form.find_element("css selector", "button[type=submit]").click()
    b.wait().until(lambda d: api("GET", "/v1/channels", owner)[1]["items"][0]["appSecretSet"])
    fresh = b.until_css("cp-channel-accounts [data-channel-form='whatsapp'] input[name=appSecret]")
    b.wait().until(lambda d: d.find_element("css selector", "cp-channel-accounts [data-channel-form='whatsapp'] input[name=appSecret]")
                   .get_attribute("placeholder") != "")
    assert "segredo-da-loja" not in b.d.page_source
    api("PUT", "/v1/channels/whatsapp", owner, {"enabled": False, "appSecret": "", "externalAccountId": ""})
    b.sign_in("manager@demo.local", "#/ai-agents")
    b.until_css("cp-inbox-settings")
    assert not b.all("cp-channel-accounts [data-channel-form]")
    assert b.app_errors() == []
