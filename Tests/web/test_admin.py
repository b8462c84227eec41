"""Admin pages: audit log, permission matrix, usage and cost."""
from selenium.webdriver.support.ui import Select

from conftest import BASE, api, token_for


def test_audit_log_lists_and_filters_executions(browser):
    b = browser
    token = token_for("owner@demo.local")
    api("POST", "/v1/actions/fetchKpis/prepare", token, {"params": {"period": "today"}})
    b.sign_in("owner@demo.local", "#/audit")
    b.until_css("[data-audit-row]")
    Select(b.css("cp-audit-page select[name=action]")).select_by_value("fetchKpis")
    b.wait().until(lambda d: all("fetchKpis" in r.text for r in d.find_elements("css selector", "[data-audit-row]")))
    assert b.app_errors() == []


def test_permission_matrix_saves_a_change(browser):
    b = browser
    token = b.sign_in("admin@demo.local", "#/permissions")
    selector = "input[data-action='createCategory'][data-role='finance']"
    before = b.until_css(selector).is_selected()
    b.css(selector).click()
    b.until_css("[data-save]:not([disabled])").click()
    b.wait().until(lambda d: d.find_element("css selector", "[data-save]").get_attribute("disabled") is not None)
    _, matrix = api("GET", "/v1/settings/permissions", token)
    assert ("finance" in matrix["permissions"]["createCategory"]) != before
    api("PUT", "/v1/settings/permissions", token, {"createCategory": [r for r in matrix["permissions"]["createCategory"] if r != "finance"]
                                                   if not before else matrix["permissions"]["createCategory"] + ["finance"]})
    assert b.app_errors() == []


def test_permissions_page_is_closed_to_other_roles(browser):
    b = browser
    b.sign_in("manager@demo.local", "#/permissions")
    assert "proprietários e administradores" in b.until_css("cp-permissions-page .empty").text
    assert not b.all("cp-app-sidebar [data-nav='permissions']")
    assert b.app_errors() == []


def test_usage_page_shows_costs_or_says_it_is_unavailable(browser):
    b = browser
    token = b.sign_in("owner@demo.local", "#/usage")
    status, _ = api("GET", "/v1/usage", token)
    if status == 404:
        assert b.until_css("[data-usage-unavailable]").text
    else:
        b.until_css("[data-usage-chart] svg")
        b.css("[data-metric='calls']").click()
        assert b.css("[data-metric='calls']").get_attribute("aria-pressed") == "true"
        assert len(b.all("[data-usage-chart] rect.bar")) == 30
    assert b.app_errors() == []
