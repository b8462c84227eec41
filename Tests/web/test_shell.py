"""Sign-in, header, dashboard, lists, language, ⌘K palette and the phone layout."""
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import BASE


def test_login_shows_user_role_and_tenant_then_logout(browser):
    b = browser
    b.d.get(BASE + "/")
    b.until_css("#login-email").send_keys("manager@demo.local")
    b.css("#login-password").send_keys("demo1234")
    b.css("#login-submit").click()
    name = b.until_css("[data-user-name]")
    assert name.text.strip()
    assert b.css("[data-user-role]").text == "Gerente"
    assert b.css("[data-tenant]").text == "Loja Demo"
    assert "token" not in b.d.current_url and "cop_" not in b.d.current_url
    assert b.d.execute_script("return sessionStorage.getItem('copiloto.token')").startswith("cop_")
    b.css("[data-logout]").click()
    b.until_css("#login-email")
    assert b.d.execute_script("return sessionStorage.getItem('copiloto.token')") is None
    assert b.app_errors() == []


def test_wrong_password_is_refused_politely(browser):
    b = browser
    b.d.get(BASE + "/")
    b.until_css("#login-email").send_keys("owner@demo.local")
    b.css("#login-password").send_keys("wrong-password")
    b.css("#login-submit").click()
    assert "incorretos" in b.until_css(".form-error").text


def test_dashboard_kpis_chart_agenda_and_orders(browser):
    b = browser
    b.sign_in("owner@demo.local")
    b.wait().until(lambda d: len(d.find_elements("css selector", "cp-dashboard .kpi .value")) == 5
                   and "…" not in d.find_element("css selector", "cp-dashboard .kpi .value").text)
    values = [e.text for e in b.all("cp-dashboard .kpi .value")]
    assert values[0].startswith("R$"), values
    b.until_css("[data-revenue-chart] svg path.line")
    assert len(b.all("[data-revenue-chart] .hit")) == 30
    b.until_css("[data-orders] table tbody tr")
    b.until_css("[data-agenda] ul, [data-agenda] p:not(.muted)", visible=False)
    time.sleep(0.5)
    b.shot("dashboard-1440")
    assert b.app_errors() == []


def test_dashboard_works_for_every_role(browser):
    b = browser
    for role in ("admin", "editor", "finance", "attendant", "assistant", "viewer"):
        b.sign_in(f"{role}@demo.local")
        b.wait().until(lambda d: all(e.text and "…" not in e.text for e in d.find_elements("css selector", "cp-dashboard .kpi .value")))
        b.until_css("[data-revenue-chart] svg path.line")
        b.until_css("[data-orders] table tbody tr")
        assert b.app_errors() == [], role
        b.d.execute_script("sessionStorage.clear()")


def test_customer_list_search_and_record_page(browser):
    b = browser
    b.sign_in("attendant@demo.local", "#/customers")
    b.until_css("cp-list-page tbody tr")
    first = b.css("cp-list-page tbody tr td a").text
    search = b.css("[data-list-search]")
    search.send_keys(first.split()[0])
    b.wait().until(lambda d: all(first.split()[0].lower() in r.text.lower()
                                 for r in d.find_elements("css selector", "cp-list-page tbody tr")))
    b.css("cp-list-page tbody tr td a").click()
    title = b.until_css("[data-record-title]")
    assert title.text
    assert "#/customers/" in b.d.current_url
    assert b.css("textarea[data-copiloto-assist]")
    assert b.app_errors() == []


def test_every_list_page_loads(browser):
    b = browser
    b.sign_in("owner@demo.local")
    for page in ("customers", "products", "orders", "invoices", "agenda", "tickets"):
        b.d.get(f"{BASE}/#/{page}")
        b.until_css("cp-list-page tbody tr")
    assert b.app_errors() == []


def test_english_switch_changes_texts_and_api_language(browser):
    b = browser
    b.sign_in("owner@demo.local")
    b.css("cp-app-header [data-lang='en']").click()
    b.wait().until(lambda d: d.find_element("css selector", "[data-user-role]").text == "Owner")
    assert b.css("cp-app-sidebar [data-nav='orders']").text == "Orders"
    b.record_requests()
    b.open_copilot()
    b.say("what can you do?")
    b.wait_reply_done()
    assert b.d.execute_script("return document.documentElement.lang") == "en"
    b.css("cp-app-header [data-lang='pt-BR']").click()
    b.wait().until(lambda d: d.find_element("css selector", "[data-user-role]").text == "Proprietário")


def test_command_palette_opens_filters_and_navigates(browser):
    b = browser
    b.sign_in("manager@demo.local")
    ActionChains(b.d).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
    box = b.until_css("cp-palette [data-palette-input]")
    assert b.css("cp-palette [role=dialog]").get_attribute("aria-modal") == "true"
    box.send_keys("pedid")
    items = [e.text for e in b.all("cp-palette .item")]
    assert any("Pedidos" == i.strip() for i in items), items
    assert any("Mudar status do pedido" in i for i in items), items  # an action the manager may run
    assert "Perguntar ao Copiloto" in items[-1]
    box.send_keys(Keys.ENTER)
    b.wait().until(lambda d: d.current_url.endswith("#/orders"))
    b.until_css("cp-list-page tbody tr")
    # The header trigger opens it too; Esc closes it.
    b.css("[data-palette]").click()
    b.until_css("cp-palette [data-palette-input]").send_keys(Keys.ESCAPE)
    b.wait().until(lambda d: not d.find_elements("css selector", "cp-palette [data-palette-input]"))
    assert b.app_errors() == []


def test_palette_only_lists_actions_the_role_may_run(browser):
    b = browser
    b.sign_in("viewer@demo.local")
    ActionChains(b.d).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
    box = b.until_css("cp-palette [data-palette-input]")
    box.send_keys("cliente")
    items = " | ".join(e.text for e in b.all("cp-palette .item"))
    assert "Criar cliente" not in items and "Excluir cliente" not in items, items
    assert "Buscar clientes" in items, items


def test_palette_free_text_goes_to_the_copilot(browser):
    b = browser
    b.sign_in("owner@demo.local")
    ActionChains(b.d).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
    b.until_css("cp-palette [data-palette-input]").send_keys("resumo financeiro do mês")
    b.css("cp-palette [data-ask]").click()
    b.until_css("cp-chat-log .msg.user")
    b.wait_reply_done()
    assert "R$" in b.all("cp-chat-log .msg.assistant .bubble")[-1].text


def test_phone_layout_dashboard_and_chat(phone):
    b = phone
    b.sign_in("owner@demo.local")
    b.until_css("[data-revenue-chart] svg path.line")
    b.until_css("[data-orders] table tbody tr")
    assert b.d.execute_script("return document.documentElement.scrollWidth") <= 376
    b.shot("dashboard-375")
    b.open_copilot()
    b.say("resumo financeiro do mês")
    b.wait_reply_done()
    panel = b.css("cp-copilot .copilot")
    assert panel.size["width"] >= b.d.execute_script("return document.documentElement.clientWidth") - 1  # full screen
    b.shot("chat-375")
    b.css("cp-copilot [data-close]").click()
    b.css("[data-menu]").click()
    b.until_css("cp-app-sidebar [data-nav='customers']").click()
    b.until_css("cp-list-page tbody tr")
    assert b.d.execute_script("return document.documentElement.scrollWidth") <= 376
    assert b.app_errors() == []
