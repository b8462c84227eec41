"""The slots a template may name, each filled as (surface, {param: value}).

Corpus clock: Wednesday 2026-03-04 10:00 in America/Sao_Paulo.
"""
import datetime
from pools import *

NOW = datetime.date(2026, 3, 4)


def day(offset):
    return (NOW + datetime.timedelta(days=offset)).isoformat()


DAYS_PT = [("hoje", 0), ("amanhã", 1), ("amanha", 1), ("depois de amanhã", 2), ("em 3 dias", 3), ("daqui a 5 dias", 5),
           ("sexta", 2), ("na segunda", 5), ("sábado", 3), ("dia 20", 16), ("dia 12", 8), ("20/03", 16), ("15/04", 42),
           ("quinta-feira", 1), ("hj", 0)]
DAYS_EN = [("today", 0), ("tomorrow", 1), ("in 3 days", 3), ("on friday", 2), ("next monday", 5), ("the day after tomorrow", 2)]
TIMES_PT = [("às 15h", "15:00"), ("as 9h", "09:00"), ("às 14:30", "14:30"), ("10h30", "10:30"), ("às 16h", "16:00"),
            ("3 da tarde", "15:00"), ("ao meio-dia", "12:00"), ("às 8 da manhã", "08:00"), ("17h", "17:00"), ("às 11", "11:00")]
TIMES_EN = [("at 3pm", "15:00"), ("at 9am", "09:00"), ("at 10:30", "10:30"), ("at noon", "12:00"), ("at 4 pm", "16:00")]


def when_time(r, lang):
    d, offset = r.choice(DAYS_PT if lang == "pt" else DAYS_EN)
    t, hm = r.choice(TIMES_PT if lang == "pt" else TIMES_EN)
    surface = f"{d} {t}" if r.random() < 0.75 else f"{t} {d}"
    return surface, {"date": day(offset), "time": hm}


def when_day(r, lang):
    d, offset = r.choice(DAYS_PT if lang == "pt" else DAYS_EN)
    return d, {"date": day(offset)}


def order_ids(r):
    numbers = r.sample(range(1001, 9999), r.choice([2, 3, 3, 4]))
    style = r.choice(["hash", "plain"])
    items = [f"#{n}" if style == "hash" else str(n) for n in numbers]
    surface = ", ".join(items[:-1]) + r.choice([" e ", ", "]) + items[-1]
    return surface, [f"#{n}" for n in numbers]


def fill_slot(slot, r, lang):
    """(surface, params) for one slot name."""
    people = PEOPLE if lang == "pt" else PEOPLE_EN
    if slot == "newname":
        n = r.choice(people)
        return n, {"name": n}
    if slot == "company":
        n = r.choice(COMPANIES)
        return n, {"name": n}
    if slot in ("cust", "cust2"):
        n = r.choice(people)
        return n, {"customerId": {"lookup": n}}
    if slot == "q":
        n = r.choice(people + [p.split()[0] for p in people])
        return n, {"query": n}
    if slot == "email":
        s, v = email(r, r.choice(people))
        return s, {"email": v}
    if slot == "phone":
        s, v = phone(r)
        return s, {"phone": v}
    if slot == "cpf":
        s, v = cpf(r)
        return s, {"document": v}
    if slot == "cnpj":
        s, v = cnpj(r)
        return s, {"document": v}
    if slot == "money":
        s, v = money(r, english=lang == "en")
        return s, {"amount": v}
    if slot == "price":
        s, v = price(r) if lang == "pt" else money(r, 5, 300, english=True)
        return s, {"price": v}
    if slot == "bulkprice":
        s, v = price(r)
        return s, {"price": v}
    if slot == "percent":
        s, v = percent(r) if lang == "pt" else (lambda n: (f"{n}%", str(n)))(r.choice([5, 10, 15, 20]))
        return s, {"percent": v}
    if slot == "couponamount":
        n = r.choice([5, 10, 15, 20, 30, 50])
        s = r.choice([f"R$ {n}", f"{n} reais", f"{words(n)} reais"]) if lang == "pt" else r.choice([f"${n}", f"{n} dollars"])
        return s, {"amount": str(n)}
    if slot == "when":
        s, v = when_time(r, lang)
        return s, {"startsAt": v}
    if slot == "due":
        s, v = when_day(r, lang)
        return s, {"dueAt": v}
    if slot == "duetime":
        s, v = when_time(r, lang)
        return s, {"dueAt": v}
    if slot == "duedate":
        n = r.choice([5, 7, 10, 15, 30])
        s = r.choice([f"em {n} dias", f"daqui a {n} dias", f"para daqui {n} dias"]) if lang == "pt" else f"in {n} days"
        return s, {"dueDate": {"date": day(n)}}
    if slot == "sku":
        s = r.choice(SKUS)
        return s, {"productId": {"lookup": s}}
    if slot == "product":
        s = r.choice(PRODUCTS if lang == "pt" else PRODUCTS_EN)
        return s, {"name": s}
    if slot == "category":
        s = r.choice(CATEGORIES)
        return s, {"name": s}
    if slot == "coupon":
        s = r.choice(COUPONS)
        return s, {"code": s}
    if slot in ("order", "invoice", "ticket"):
        n = r.randint(1001, 9999) if slot == "order" else r.randint(10, 999)
        key = {"order": "orderId", "invoice": "invoiceId", "ticket": "ticketId"}[slot]
        return str(n), {key: f"#{n}"}
    if slot == "orders":
        s, v = order_ids(r)
        return s, {"orderIds": v}
    if slot == "note":
        s = r.choice(NOTES)
        return s, {"text": s}
    if slot == "ordernote":
        s = r.choice(ORDER_NOTES)
        return s, {"text": s}
    if slot == "task":
        s = r.choice(TASKS if lang == "pt" else TASKS_EN)
        return s, {"title": s}
    if slot == "service":
        s = r.choice(SERVICES if lang == "pt" else SERVICES_EN)
        return s, {}
    if slot == "stock":
        n = r.choice([0, 5, 10, 12, 20, 30, 50, 100, 150])
        s = r.choice([str(n), words(n)]) if lang == "pt" and n > 0 else str(n)
        return s, {"stock": n}
    if slot == "threshold":
        n = r.choice([3, 5, 10, 15, 20])
        s = r.choice([str(n), words(n)]) if lang == "pt" else str(n)
        return s, {"lowStockBelow": n}
    if slot == "ncm":
        s = r.choice(["33051000", "3305.10.00", "33049990", "3304.99.90", "96032100"])
        return s, {"ncm": s.replace(".", "")}
    if slot == "cest":
        s = r.choice(["2002000", "20.020.00", "2003800", "20.038.00", "2001500"])
        return s, {"cest": s.replace(".", "")}
    if slot == "timezone":
        s = r.choice(TIMEZONES)
        return s, {"timezone": s}
    if slot == "currency":
        s, v = r.choice(CURRENCIES)
        return s, {"currency": v}
    if slot == "period":
        return fill_period(r, lang)
    raise KeyError(slot)


PERIODS_PT = [("hoje", "today"), ("de hoje", "today"), ("ontem", "yesterday"), ("de ontem", "yesterday"),
              ("da semana", "week"), ("dessa semana", "week"), ("desta semana", "week"), ("da semana passada", "lastWeek"),
              ("do mês", "month"), ("desse mês", "month"), ("deste mes", "month"), ("do mês passado", "lastMonth"),
              ("do ano", "year"), ("deste ano", "year")]
PERIODS_EN = [("today", "today"), ("yesterday", "yesterday"), ("this week", "week"), ("last week", "lastWeek"),
              ("this month", "month"), ("last month", "lastMonth"), ("this year", "year")]


def fill_period(r, lang):
    s, v = r.choice(PERIODS_PT if lang == "pt" else PERIODS_EN)
    return s, {"period": v}
