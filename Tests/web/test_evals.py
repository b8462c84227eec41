"""The AI agent's "Testes": cases written in the page, a run of the draft with passed and failed results and the
simulated conversation, the version bar (publish, history, rollback), and the comparison of two runs."""
import time
import uuid

from conftest import api, token_for
from test_inbox import ensure_agent, webchat


def test_tests_tab_runs_cases_and_the_version_bar_publishes_and_rolls_back(browser):
    b = browser
    owner = token_for("owner@demo.local")
    status, agent = api("POST", "/v1/ai-agents", owner, {
        # Disabled, so it never takes the other tests' customers; evals and versions work all the same.
        "name": "Testes " + uuid.uuid4().hex[:6], "prompt": "Você atende os clientes da loja.", "tools": ["search_kb"], "enabled": False,
        "settings": {"debounceMs": 0, "debounceMaxMs": 0, "replyDelayMinMs": 0, "replyDelayMaxMs": 0}})
    assert status == 201, agent
    b.sign_in("owner@demo.local", "#/ai-agents")
    b.wait().until(lambda d: d.find_elements("css selector", f"[data-agent='{agent['id']}']"))
    b.css(f"[data-agent='{agent['id']}']").click()
    form = b.until_css("cp-agent-evals [data-case-form]")
    for name, turns, forbidden, wanted in [("Sem segredo", "oi\nquero saber das trocas", "senha secreta do cofre", ""),
                                           ("Impossível", "oi", "", "frase-que-nenhum-agente-diria")]:
        form.find_element("css selector", "input[name=name]").send_keys(name)
        form.find_element("css selector", "textarea[name=turns]").send_keys(turns)
        if forbidden:
            form.find_element("css selector", "input[name=mustNotInclude]").send_keys(forbidden)
        if wanted:
            form.find_element("css selector", "input[name=mustInclude]").send_keys(wanted)
        form.find_element("css selector", "button[type=submit]").click()
        b.wait().until(lambda d, n=name: any(n in e.text for e in d.find_elements("css selector", "cp-agent-evals [data-case]")))
    status, cases = api("GET", f"/v1/ai-agents/{agent['id']}/evals", owner)
    assert [c["name"] for c in cases["items"]] == ["Sem segredo", "Impossível"], cases
    assert cases["items"][0]["turns"] == [{"text": "oi"}, {"text": "quero saber das trocas"}]

    b.css("cp-agent-evals [data-run=draft]").click()
    b.wait(60).until(lambda d: d.find_elements("css selector", "[data-run-result] [data-run-status=finished]"))
    assert b.all("[data-run-result] [data-passed=pass]") and b.all("[data-run-result] [data-passed=fail]")
    failed = b.css("[data-run-result] [data-passed=fail]")
    assert "frase-que-nenhum-agente-diria" in failed.text
    failed.find_element("css selector", "summary").click()
    assert "customer" in failed.text and "oi" in failed.text

    # The version bar: publish v1, then v2, then roll back to v1.
    b.css("cp-agent-versions [data-publish]").click()
    b.wait().until(lambda d: d.find_elements("css selector", "cp-agent-versions [data-published='1']"))
    b.css("cp-agent-versions [data-publish]").click()
    b.wait().until(lambda d: d.find_elements("css selector", "cp-agent-versions [data-published='2']"))
    b.css("cp-agent-versions details summary").click()
    b.css("cp-agent-versions [data-rollback='1']").click()
    b.wait().until(lambda d: d.find_elements("css selector", "cp-agent-versions [data-published='1']"))
    status, listing = api("GET", f"/v1/ai-agents/{agent['id']}/versions", owner)
    assert listing["published"] == 1 and [v["number"] for v in listing["versions"]] == [2, 1], listing

    # A run of the published version, compared with the draft's run.
    b.css("cp-agent-evals [data-run=published]").click()
    b.wait(60).until(lambda d: d.find_elements("css selector", "[data-compare] [data-comparison]"))
    assert "draft" in b.css("[data-compare] [data-comparison]").text
    b.shot("ai-agent-evals")
    assert b.app_errors() == []
    assert api("DELETE", f"/v1/ai-agents/{agent['id']}", owner)[0] == 204


def test_a_closed_conversation_shows_its_cx_score_in_the_header(browser):
    b = browser
    owner = token_for("owner@demo.local")
    ensure_agent(owner)
    visitor = "cx-" + uuid.uuid4().hex[:8]
    webchat(visitor, "qual o prazo de entrega?")
    conversation = None
    for _ in range(60):
        items = api("GET", "/v1/conversations?channel=webchat&limit=200", owner)[1]["items"]
        conversation = next((c for c in items if c["externalContact"] == visitor), None)
        if conversation:
            break
        time.sleep(0.5)
    assert conversation, visitor
    assert api("POST", f"/v1/conversations/{conversation['id']}/close", owner, {})[0] == 200
    for _ in range(60):  # the score is a job run by the server's worker
        if api("GET", f"/v1/conversations/{conversation['id']}/quality", owner)[1].get("cx"):
            break
        time.sleep(0.5)
    quality = api("GET", f"/v1/conversations/{conversation['id']}/quality", owner)[1]
    assert 1 <= quality["cx"]["score"] <= 5 and quality["cx"]["reasons"], quality
    b.sign_in("owner@demo.local", f"#/inbox/{conversation['id']}")
    badge = b.until_css("cp-conversation-quality [data-cx]")
    assert badge.text.strip() == f"CX {quality['cx']['score']}/5"
    assert badge.get_attribute("title") == " · ".join(quality["cx"]["reasons"])
    assert b.app_errors() == []
