"""The inbox: a customer's web-chat message answered by an AI agent, a person taking over, live updates."""
import time
import uuid

from conftest import BASE, api, token_for


def ensure_agent(token):
    status, agents = api("GET", "/v1/ai-agents", token)
    assert status == 200, agents
    if agents["items"]:
        return agents["items"][0]["id"]
    status, agent = api("POST", "/v1/ai-agents", token, {
        "name": "Bia", "prompt": "Você é a Bia, da loja.", "welcomeMessage": "Oi! Eu sou a Bia, assistente virtual da loja.",
        "tools": ["search_kb"], "settings": {"debounceMs": 200, "debounceMaxMs": 1000, "replyDelayMinMs": 0, "replyDelayMaxMs": 0}})
    assert status == 201, agent
    return agent["id"]


# The signed visitor token each visitor got with their first message (the widget keeps it in localStorage).
VISITOR_TOKENS = {}


def webchat(visitor, text):
    body = {"visitorId": visitor, "name": "Visitante", "messageId": uuid.uuid4().hex, "text": text}
    if visitor in VISITOR_TOKENS:
        body["visitorToken"] = VISITOR_TOKENS[visitor]
    status, body = api("POST", "/v1/channels/webchat/demo/messages", None, body)
    assert status in (200, 202), body
    VISITOR_TOKENS[visitor] = body["visitorToken"]


def test_ai_answers_then_a_person_takes_over(browser):
    b = browser
    ensure_agent(token_for("owner@demo.local"))
    visitor = "web-" + uuid.uuid4().hex[:8]
    webchat(visitor, "Oi")
    b.sign_in("attendant@demo.local", "#/inbox")
    link = b.until_css(f"[data-conversation] .row-title")
    b.wait().until(lambda d: any(visitor in e.text for e in d.find_elements("css selector", "[data-conversation]")))
    item = next(e for e in b.all("[data-conversation]") if visitor in e.text)
    assert item.find_element("css selector", "[data-badge='ai']")
    item.click()
    # The AI's welcome arrives through the live feed, without reloading.
    b.wait(20).until(lambda d: d.find_elements("css selector", "[data-messages] [data-sender='ai_agent']"))
    box = b.css("[data-reply] textarea")
    box.send_keys("Oi! Aqui é a Carla, da equipe. Posso ajudar?")
    b.css("[data-reply] button[type=submit]").click()
    b.wait().until(lambda d: d.find_elements("css selector", "[data-messages] [data-sender='agent']"))
    b.until_css("[data-give-back]")
    b.wait().until(lambda d: any(visitor in e.text and e.find_elements("css selector", "[data-badge='human']")
                                 for e in d.find_elements("css selector", "[data-conversation]")))
    b.css("[data-give-back]").click()
    b.until_css("[data-take-over]")
    b.shot("inbox-thread")
    assert b.app_errors() == []


def test_a_new_conversation_appears_live(browser):
    b = browser
    ensure_agent(token_for("owner@demo.local"))
    b.sign_in("manager@demo.local", "#/inbox")
    b.until_css("cp-inbox-page [data-conversations]")
    time.sleep(1)
    visitor = "live-" + uuid.uuid4().hex[:8]
    webchat(visitor, "Vocês entregam no interior?")
    b.wait(15).until(lambda d: any(visitor in e.text for e in d.find_elements("css selector", "[data-conversation]")))
    assert b.app_errors() == []


def test_inbox_is_hidden_from_roles_without_it_and_fits_a_phone(browser, phone):
    b = browser
    b.sign_in("finance@demo.local", "#/")
    b.until_css("cp-app-sidebar")
    assert not b.all("cp-app-sidebar [data-nav='inbox']")
    p = phone
    p.sign_in("attendant@demo.local", "#/inbox")
    p.until_css("cp-inbox-page [data-conversations]")
    assert p.d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert p.app_errors() == []


def test_widget_on_a_store_site_talks_to_the_ai_agent(browser, tmp_path):
    """The embeddable widget on another origin (a store's page served separately): send, and the agent answers."""
    import functools
    import http.server
    import threading

    ensure_agent(token_for("owner@demo.local"))
    (tmp_path / "loja.html").write_text(
        f'<!doctype html><html lang="pt-BR"><head><link rel="icon" href="data:,"></head><body><h1>Loja Exemplo</h1>'
        f'<script src="{BASE}/widget.js" data-tenant="demo" data-title="Fale com a Loja"></script></body></html>')
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        b = browser
        b.d.get(f"http://127.0.0.1:{server.server_address[1]}/loja.html")
        shadow = lambda d: d.execute_script("return document.querySelector('body > div:last-child')?.shadowRoot ? true : false")
        b.wait().until(shadow)
        b.d.execute_script("document.querySelector('body > div:last-child').shadowRoot.querySelector('[data-open]').click()")
        b.d.execute_script("""const r = document.querySelector('body > div:last-child').shadowRoot;
            r.querySelector('input').value = 'Oi, vocês têm loja física?';
            r.querySelector('[data-form]').requestSubmit();""")
        count = lambda d: d.execute_script(
            "return document.querySelector('body > div:last-child').shadowRoot.querySelectorAll('li.them').length")
        b.wait(25).until(lambda d: count(d) >= 1)
        mine = b.d.execute_script(
            "return [...document.querySelector('body > div:last-child').shadowRoot.querySelectorAll('li.me')].map(e => e.textContent)")
        assert mine == ["Oi, vocês têm loja física?"]
        b.shot("widget-on-store-site")
        assert b.app_errors() == []
    finally:
        server.shutdown()


def test_ai_agent_editor_creates_and_updates_an_agent(browser):
    b = browser
    token = b.sign_in("manager@demo.local", "#/ai-agents")
    b.until_css("[data-new]").click()
    form = b.until_css("[data-agent-form]")
    name = "Agente " + uuid.uuid4().hex[:6]
    form.find_element("css selector", "input[name=name]").send_keys(name)
    form.find_element("css selector", "textarea[name=prompt]").send_keys("Você atende dúvidas sobre pedidos.")
    form.find_element("css selector", "input[name=tool][value=getOrder]").click()
    form.find_element("css selector", "button[type=submit]").click()
    b.wait().until(lambda d: any(name in e.text for e in d.find_elements("css selector", "[data-agent]")))
    _, agents = api("GET", "/v1/ai-agents", token)
    created = next(a for a in agents["items"] if a["name"] == name)
    assert created["tools"] == ["getOrder", "search_kb"]
    b.until_css("[data-agent-form] input[name=maxConcurrent]").clear()
    b.css("[data-agent-form] input[name=maxConcurrent]").send_keys("7")
    b.css("[data-agent-form] button[type=submit]").click()
    b.wait().until(lambda d: api("GET", f"/v1/ai-agents/{created['id']}", token)[1]["maxConcurrent"] == 7)
    assert b.app_errors() == []
