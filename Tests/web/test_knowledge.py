"""Knowledge base page: documents with their indexing status, and an upload from the form."""
from conftest import api, token_for


def test_knowledge_page_uploads_and_shows_each_documents_status(browser):
    b = browser
    b.sign_in("editor@demo.local", "#/knowledge")
    b.until_css("cp-knowledge-page [data-document]")  # the demo's policies
    b.css("cp-knowledge-page input[name=title]").send_keys("Política de brindes")
    b.css("cp-knowledge-page textarea[name=content]").send_keys("Compras acima de R$ 300 ganham um brinde surpresa.")
    b.css("cp-knowledge-page [data-upload] button[type=submit]").click()
    row = "cp-knowledge-page tr[data-document]"
    b.wait().until(lambda d: any("Política de brindes" in r.text for r in d.find_elements("css selector", row)))
    created = next(r for r in b.all(row) if "Política de brindes" in r.text)
    state = created.find_element("css selector", "[data-index-state]").get_attribute("data-index-state")
    assert state in ("indexing", "ready")
    _, listed = api("GET", "/v1/knowledge/documents?limit=100", token_for("viewer@demo.local"))
    doc = next(d for d in listed["items"] if d["title"] == "Política de brindes")
    assert doc["indexStatus"]["total"] >= 1
    assert b.app_errors() == []
