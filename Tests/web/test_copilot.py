"""The floating copilot: streaming, confirmation cards, "sim", role refusals, context, mentions, sessions, Ctrl+."""
import random
from urllib.parse import quote
import time

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import BASE, api, token_for


SURNAMES = ["Prado", "Lima", "Rocha", "Teles", "Moura", "Campos", "Siqueira", "Vasconcelos", "Queiroz", "Damasceno",
            "Albuquerque", "Bittencourt", "Guimarães", "Sampaio", "Valadares", "Falcão", "Brandão", "Cavalcanti"]


def unique(name):
    """A realistic, probably new customer name (the local engine stops a name at digits)."""
    return f"{name} {random.choice(SURNAMES)} {random.choice(SURNAMES)}"


def find_customer(b, name):
    b.d.get(f"{BASE}/#/customers")
    b.until_css("[data-list-search]").send_keys(name)
    b.wait().until(lambda d: any(name in r.text for r in d.find_elements("css selector", "cp-list-page tbody tr")))


def test_create_customer_with_the_confirmation_card(browser):
    b = browser
    b.sign_in("manager@demo.local")
    name = unique("Joana")
    email = f"joana{random.randint(1000, 9999)}@exemplo.com.br"
    fab = b.css("cp-copilot-fab button")
    rect = b.d.execute_script("const r = arguments[0].getBoundingClientRect(), e = document.documentElement;"
                              "return [e.clientWidth - r.right, e.clientHeight - r.bottom]", fab)
    assert [round(v) for v in rect] == [24, 24]
    b.open_copilot()
    dialog = b.css("cp-copilot .copilot")
    assert dialog.get_attribute("role") == "dialog"
    log = b.css("cp-chat-log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    b.say(f"cadastra o cliente {name} email {email}")
    card = b.until_css("cp-action-card[data-state='pending']")
    assert name in card.text and email in card.text
    assert "Alteração" in card.find_element("css selector", ".badge").text
    assert "Expira em" in card.text
    assert b.all("cp-chat-log .tool")  # the tool indicator
    b.wait_reply_done()
    b.shot("chat-card-1440")
    card.find_element("css selector", "[data-confirm]").click()
    b.until_css("cp-action-card[data-state='executed']")
    link = b.css("cp-action-card [data-record-link]")
    assert "#/customers/" in link.get_attribute("href")
    b.shot("chat-1440")
    link.click()
    assert b.until_css("[data-record-title]").text == name
    find_customer(b, name)
    assert b.app_errors() == []


def test_create_customer_by_answering_sim(browser):
    b = browser
    b.sign_in("attendant@demo.local")
    name = unique("Marina")
    b.open_copilot()
    b.say(f"cadastra o cliente {name} email marina{random.randint(1000, 9999)}@exemplo.com.br")
    b.until_css("cp-action-card[data-state='pending']")
    b.wait_reply_done()
    b.say("sim")
    b.wait_reply_done()
    b.until_css("cp-action-card[data-state='executed']")
    assert "Feito" in b.all("cp-chat-log .msg.assistant .bubble")[-1].text
    find_customer(b, name)
    assert b.app_errors() == []


def test_cancel_leaves_nothing_behind(browser):
    b = browser
    token = b.sign_in("manager@demo.local")
    name = unique("Cancelada")
    b.open_copilot()
    b.say(f"cadastra o cliente {name}")
    card = b.until_css("cp-action-card[data-state='pending']")
    b.wait_reply_done()
    card.find_element("css selector", "[data-cancel]").click()
    b.until_css("cp-action-card[data-state='cancelled']")
    status, body = api("GET", f"/v1/customers?q={quote(name)}", token)
    assert status == 200 and body["items"] == []


def test_viewer_sees_no_write_suggestion_and_gets_a_refusal(browser):
    b = browser
    token = b.sign_in("viewer@demo.local")
    _, actions = api("GET", "/v1/actions", token)
    reads = {a["name"] for a in actions["items"] if a["risk"] == "read"}
    b.open_copilot()
    chips = b.all("cp-chat-suggestions [data-suggestion]")
    assert chips, "the viewer should still get read-only suggestions"
    for chip in chips:
        action = chip.get_attribute("data-action")
        assert not action or action in reads, f"write suggestion for a viewer: {chip.text} ({action})"
    b.say("cadastra o cliente Joana Prado email joana@exemplo.com.br")
    b.wait_reply_done()
    answer = b.all("cp-chat-log .msg.assistant .bubble")[-1].text
    assert "permissão" in answer, answer
    assert not b.all("cp-action-card")
    assert b.app_errors() == []


def test_streamed_answer_shows_tools_and_markdown(browser):
    b = browser
    b.sign_in("owner@demo.local")
    b.open_copilot()
    b.say("consultar agenda")
    b.wait_reply_done()
    tool = b.css("cp-chat-log .tool.done")
    assert "agenda" in tool.text.lower()
    bubble = b.all("cp-chat-log .msg.assistant .bubble")[-1]
    assert bubble.find_elements("css selector", "ul li"), bubble.get_attribute("innerHTML")


def test_model_text_is_escaped(browser):
    b = browser
    b.sign_in("owner@demo.local")
    b.open_copilot()
    b.say("<img src=x onerror=window.__xss=1> **oi**")
    b.wait_reply_done()
    assert b.d.execute_script("return window.__xss") is None
    assert not b.all("cp-chat-log img")


def test_context_toggle_changes_what_is_sent(browser):
    b = browser
    b.sign_in("manager@demo.local", "#/customers")
    b.until_css("cp-list-page tbody tr td a").click()
    b.until_css("[data-record-title]")
    customer_id = b.d.current_url.rsplit("/", 1)[-1]
    b.record_requests()
    b.open_copilot()
    toggle = b.css("[data-context-toggle]")
    assert toggle.is_selected(), "context is on by default"
    b.say("resumo financeiro do mês")
    b.wait_reply_done()
    first = b.sent("/messages")[-1]
    assert first["contextEnabled"] is True
    assert first["context"]["page"] == "customers.detail"
    assert first["context"]["entity"]["type"] == "customer" and first["context"]["entity"]["id"] == customer_id
    disclosure = b.all("cp-chat-log [data-context-sent]")[-1]
    disclosure.find_element("css selector", "summary").click()
    assert customer_id in disclosure.text
    receipt = b.until_css("cp-chat-log .msg.assistant [data-context-receipt]", visible=False)
    b.d.execute_script("arguments[0].open = true", receipt)
    assert customer_id.lower() in receipt.text.lower()  # what the model received
    b.d.execute_script("arguments[0].click()", toggle)
    b.say("resumo financeiro do mês")
    b.wait_reply_done()
    second = b.sent("/messages")[-1]
    assert second["contextEnabled"] is False and "context" not in second
    assert b.d.execute_script("return localStorage.getItem('copiloto.contextEnabled')") == "false"
    b.d.refresh()
    b.until_css("[data-record-title]")
    b.open_copilot()
    assert not b.css("[data-context-toggle]").is_selected(), "the toggle is remembered"
    b.d.execute_script("arguments[0].click()", b.css("[data-context-toggle]"))


def test_mention_resolves(browser):
    b = browser
    token = b.sign_in("manager@demo.local")
    status, _ = api("GET", "/v1/mentions?q=a&type=customer&limit=8", token)
    if status == 404:
        pytest.skip("GET /v1/mentions answers 404 on this server (endpoint not built yet)")
    b.record_requests()
    box = b.open_copilot()
    box.send_keys("resumo do cliente @a")
    item = b.until_css("cp-mention-menu li[role=option]")
    label = item.find_elements("css selector", "span")[1].text
    box.send_keys(Keys.ENTER)
    assert f"@{label.lstrip('@')}" in box.get_attribute("value")
    box.send_keys("\n")
    b.wait_reply_done()
    sent = b.sent("/messages")[-1]
    assert sent["mentions"] and sent["mentions"][0]["id"] and sent["mentions"][0]["type"] in ("customer", "user")
    receipt = b.until_css("cp-chat-log .msg.assistant [data-context-receipt]", visible=False)
    b.d.execute_script("arguments[0].open = true", receipt)
    assert sent["mentions"][0]["id"].lower() in receipt.text.lower()  # the server resolved the mention


def test_sessions_can_be_listed_renamed_and_deleted(browser):
    b = browser
    b.sign_in("editor@demo.local")
    b.open_copilot()
    b.say("relatório de estoque")
    b.wait_reply_done()
    b.css("cp-copilot [data-history]").click()
    b.until_css("cp-chat-history li.current [data-rename-btn]").click()
    field = b.until_css("cp-chat-history input[name=sessionTitle]")
    field.clear()
    field.send_keys("Estoque da semana\n")
    b.wait().until(lambda d: "Estoque da semana" in d.find_element("css selector", "cp-chat-history li.current").text)
    b.css("cp-chat-history li.current [data-delete]").click()
    b.until_css("cp-chat-history [data-really-delete]").click()
    b.wait().until(lambda d: "Estoque da semana" not in d.find_element("css selector", "cp-chat-history").text)
    b.css("cp-chat-history [data-new]").click()
    b.until_css("cp-chat-log [data-empty]")
    assert b.app_errors() == []


def test_ctrl_period_popup_rewrites_a_textarea(browser):
    b = browser
    token = b.sign_in("manager@demo.local", "#/customers")
    status, _ = api("POST", "/v1/assistant/quick", token, {"fieldId": "probe", "text": "oi", "instruction": "Torne mais formal"})
    if status == 404:
        pytest.skip("POST /v1/assistant/quick answers 404 on this server (endpoint not built yet)")
    b.until_css("cp-list-page tbody tr td a").click()
    note = b.until_css("textarea[data-copiloto-assist]")
    original = "oi, tudo certo? manda o boleto ai"
    note.send_keys(original)
    note.send_keys(Keys.CONTROL, ".")
    popup = b.until_css("cp-quick-assist .quick")
    assert popup.get_attribute("role") == "dialog"
    b.css("[data-quick-instruction]").send_keys("Torne mais formal\n")
    b.wait(30).until(lambda d: d.find_element("css selector", "[data-apply]").is_enabled())
    result = b.css("[data-quick-result]").text
    assert result.strip()
    b.css("[data-apply]").click()
    assert note.get_attribute("value") == result
    # A second exchange promoted to a chat session ("Continuar no chat").
    note.send_keys(Keys.CONTROL, ".")
    b.until_css("cp-quick-assist [data-preset]").click()
    b.wait(30).until(lambda d: d.find_element("css selector", "[data-to-chat]").is_enabled())
    b.css("[data-to-chat]").click()
    b.until_css("cp-copilot .copilot cp-chat-log .msg.user")
    assert not b.all("cp-quick-assist .quick")
    assert b.app_errors() == []


def test_card_shows_denied_when_the_role_lost_the_right(browser):
    b = browser
    b.sign_in("manager@demo.local")
    owner = token_for("owner@demo.local")
    _, matrix = api("GET", "/v1/settings/permissions", owner)
    roles = matrix["permissions"]["createCustomer"]
    b.open_copilot()
    b.say(f"cadastra o cliente {unique('Negada')}")
    card = b.until_css("cp-action-card[data-state='pending']")
    b.wait_reply_done()
    try:
        api("PUT", "/v1/settings/permissions", owner, {"createCustomer": [r for r in roles if r != "manager"]})
        card.find_element("css selector", "[data-confirm]").click()
        assert "perfil" in b.until_css("cp-action-card[data-state='denied']").text
    finally:
        api("PUT", "/v1/settings/permissions", owner, {"createCustomer": roles})


def test_card_expires_and_keeps_its_state_after_a_reload(browser):
    b = browser
    b.sign_in("manager@demo.local")
    b.open_copilot()
    b.say(f"cadastra o cliente {unique('Expirada')}")
    b.until_css("cp-action-card[data-state='pending']")
    b.wait_reply_done()
    # Ten minutes are too long to wait: move the card's deadline into the past and let the countdown run out.
    b.d.execute_script("const c = document.querySelector('cp-action-card'); c.p.expiresAt = new Date(Date.now() - 1000).toISOString();")
    card = b.until_css("cp-action-card[data-state='expired']")
    assert not card.find_elements("css selector", "[data-confirm]")
    b.d.refresh()
    b.until_css("cp-app-header [data-user-name]", visible=False)
    b.open_copilot()
    b.until_css("cp-chat-log cp-action-card[data-state='expired']")


def test_markdown_subset_renders_safely(browser):
    b = browser
    b.sign_in("viewer@demo.local")
    out = b.d.execute_async_script("""
      const done = arguments[arguments.length - 1];
      import('/js/markdown.js').then(({ markdown }) => done({
        bold: markdown('**Total**: R$ 10'),
        list: markdown('Itens:\\n- um\\n- dois\\n1. primeiro'),
        table: markdown('| Dia | Valor |\\n|---|---|\\n| 21/11 | R$ 5 |'),
        link: markdown('[pedido](#/orders/1) e [site](https://exemplo.com.br)'),
        evil: markdown('[x](javascript:alert(1)) <script>alert(1)</script> <b onclick=x>oi</b>'),
      }));""")
    assert "<strong>Total</strong>" in out["bold"]
    assert out["list"].count("<li>") == 3 and "<ul>" in out["list"] and "<ol>" in out["list"]
    assert "<table>" in out["table"] and "<td>R$ 5</td>" in out["table"]
    assert 'href="#/orders/1"' in out["link"] and 'rel="noopener noreferrer"' in out["link"]
    assert "javascript:" not in out["evil"] and "<script>" not in out["evil"] and "<b " not in out["evil"]
    assert "&lt;script&gt;" in out["evil"]
