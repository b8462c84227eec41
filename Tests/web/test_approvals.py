"""The approvals list: a write proposed through an integration's API token waits for a person; the menu shows how many
wait; approving runs it once."""
import urllib.parse
import uuid

from conftest import api, token_for


def integration_proposal(owner, name):
    """Mints a default (read + propose) API token and proposes createCustomer through it; returns the pending id."""
    status, created = api("POST", "/v1/auth/tokens", owner, {"name": "Loja Integrada"})
    assert status == 201 and created["record"]["scopes"] == ["read", "propose"], created
    token = created["token"]
    status, prepared = api("POST", "/v1/actions/createCustomer/prepare", token, {"params": {"name": name}})
    assert status == 200 and prepared["status"] == "pending", prepared
    pending = prepared["pendingAction"]["id"]
    status, refused = api("POST", f"/v1/pending-actions/{pending}/confirm", token, {})
    assert status == 403 and refused["error"]["details"]["scope"] == "confirm", refused
    return pending


def test_approve_an_integrations_proposal(browser):
    b = browser
    owner = token_for("owner@demo.local")
    name = "Cliente Integração " + uuid.uuid4().hex[:6]
    pending = integration_proposal(owner, name)
    waiting = len(api("GET", "/v1/pending-actions", owner)[1]["items"])
    assert waiting >= 1
    b.sign_in("owner@demo.local", "#/approvals")
    badge = b.until_css("[data-nav='approvals'] [data-approvals-badge]")
    assert badge.text.strip() == str(waiting)
    card = b.until_css(f"[data-approval='{pending}'] cp-action-card")
    article = b.css(f"[data-approval='{pending}']")
    assert "Loja Integrada" in article.text
    assert name in card.text
    b.shot("approvals-list")
    card.find_element("css selector", "[data-confirm]").click()
    b.wait().until(lambda d: d.find_element("css selector", f"[data-approval='{pending}'] cp-action-card").get_attribute("data-state") == "executed")
    status, found = api("GET", "/v1/customers?q=" + urllib.parse.quote(name), owner)
    assert status == 200 and len(found["items"]) == 1
    b.wait().until(lambda d: not d.find_elements("css selector", "[data-approvals-badge]")
                   or d.find_element("css selector", "[data-approvals-badge]").text.strip() == str(waiting - 1))
    assert app_errors_free(b)


def test_viewers_do_not_see_the_approvals_menu(browser):
    b = browser
    integration_proposal(token_for("owner@demo.local"), "Cliente Visto " + uuid.uuid4().hex[:6])
    b.sign_in("viewer@demo.local", "#/")
    b.until_css("cp-app-sidebar [data-nav='dashboard']")
    assert not b.all("[data-nav='approvals'] [data-approvals-badge]")
    assert app_errors_free(b)


def app_errors_free(b):
    errors = b.app_errors()
    assert errors == [], errors
    return True
