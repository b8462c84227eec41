"""Slot values for the corpus generator: names, companies with CNPJ, contacts, products, money, dates.

Every slot returns (surface text, parameter value). Dates are relative to the corpus clock
(Wednesday 2026-03-04 10:00 America/Sao_Paulo), which the Swift evaluation uses as "now".
"""
import random

PEOPLE = ["Maria Souza", "João Pereira", "Ana Clara Ribeiro", "Pedro Henrique Alves", "Luciana Martins", "Rafael Gomes",
          "Beatriz Carvalho", "Felipe Rocha", "Camila Duarte", "Gustavo Nogueira", "Juliana Teixeira", "Marcos Vinícius Dias",
          "Patrícia Lopes", "Thiago Barros", "Renata Moreira", "Bruno Azevedo", "Larissa Freitas", "Diego Cardoso",
          "Fernanda Lima", "Rodrigo Batista", "Aline Castro", "Eduardo Mendes", "Simone Araújo", "Vanessa Pinto",
          "Carla da Silva", "José Antônio", "Letícia Monteiro", "Igor Santana", "Priscila Vieira", "Otávio Cunha"]
PEOPLE_EN = ["Mary Jane", "John Smith", "Emily Clarke", "Peter Brown", "Laura Wilson", "Kevin Hart", "Sophie Turner",
             "Daniel Craig", "Olivia Stone", "Michael Reed"]
COMPANIES = ["Padaria Pão Quente", "Mercado Bom Preço", "Oficina Dois Irmãos", "Auto Peças Central", "Clínica Sorriso",
             "Distribuidora Norte", "Construtora Horizonte", "Papelaria Estrela"]
EMAIL_USERS = ["contato", "financeiro", "vendas", "adm", "compras"]
DOMAINS = ["gmail.com", "outlook.com", "hotmail.com", "empresa.com.br", "uol.com.br", "yahoo.com"]
SKUS = ["SHAMP-500", "COND-300", "MASC-250", "OLEO-60", "GEL-150", "CREME-200", "TINT-7", "ESC-01", "KIT-VERAO", "PERF-100"]
PRODUCTS = ["Óleo de Argan 60ml", "Shampoo Hidratante 500ml", "Máscara Capilar 250g", "Condicionador Liso 300ml",
            "Creme de Pentear 200ml", "Kit Verão", "Sabonete Líquido", "Escova Térmica", "Perfume Floral 100ml", "Pomada Modeladora"]
PRODUCTS_EN = ["Argan Oil", "Hair Mask", "Beard Balm", "Face Serum", "Hand Cream"]
CATEGORIES = ["Cabelos", "Maquiagem", "Perfumaria", "Barba", "Unhas", "Acessórios", "Infantil", "Promoções", "Skincare"]
COUPONS = ["BLACK20", "VERAO10", "BEMVINDO", "NATAL15", "FRETEGRATIS", "CLIENTEVIP", "PROMO5", "MAES25"]
SERVICES = ["corte de cabelo", "escova", "manicure", "visita técnica", "instalação", "reunião", "avaliação", "limpeza de pele",
            "revisão", "massagem"]
SERVICES_EN = ["haircut", "visit", "installation", "meeting", "consultation"]
TASKS = ["ligar para o fornecedor", "conferir o estoque", "pagar o aluguel", "mandar o orçamento", "revisar as contas",
         "responder o contador", "renovar o alvará", "separar os pedidos"]
TASKS_EN = ["call the supplier", "check the stock", "pay the rent", "send the quote", "review the accounts"]
NOTES = ["prefere contato por WhatsApp", "alérgica a amônia", "pediu desconto na próxima compra", "só atende depois das 14h",
         "cliente desde 2019", "quer receber catálogo novo", "reclamou do atraso na entrega", "paga sempre no pix"]
ORDER_NOTES = ["embalar para presente", "entregar na portaria", "cliente vai retirar na loja", "trocar a cor para azul",
               "enviar nota fiscal por email", "não tocar a campainha"]
TIMEZONES = ["America/Manaus", "America/Recife", "America/Fortaleza", "America/Belem", "America/Cuiaba", "America/Sao_Paulo"]
CURRENCIES = [("reais", "BRL"), ("dólar", "USD"), ("euro", "EUR"), ("BRL", "BRL"), ("USD", "USD")]


def cpf(r):
    digits = [r.randint(0, 9) for _ in range(9)]
    for n in (10, 11):
        s = sum(d * w for d, w in zip(digits, range(n, 1, -1))) % 11
        digits.append(0 if s < 2 else 11 - s)
    raw = "".join(map(str, digits))
    return (f"{raw[:3]}.{raw[3:6]}.{raw[6:9]}-{raw[9:]}" if r.random() < 0.6 else raw), raw


def cnpj(r):
    digits = [r.randint(0, 9) for _ in range(8)] + [0, 0, 0, 1]
    for weights in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        s = sum(d * w for d, w in zip(digits, weights)) % 11
        digits.append(0 if s < 2 else 11 - s)
    raw = "".join(map(str, digits))
    return (f"{raw[:2]}.{raw[2:5]}.{raw[5:8]}/{raw[8:12]}-{raw[12:]}" if r.random() < 0.7 else raw), raw


def email(r, name):
    first = fold(name.split()[0]).lower()
    user = first if r.random() < 0.6 else r.choice(EMAIL_USERS)
    value = f"{user}@{r.choice(DOMAINS)}"
    return value, value


def phone(r):
    ddd, a, b = r.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85", "92"]), r.randint(1000, 9999), r.randint(1000, 9999)
    surface = r.choice([f"({ddd}) 9{a}-{b}", f"{ddd} 9{a}-{b}", f"{ddd}9{a}{b}", f"+55 {ddd} 9{a}-{b}"])
    return surface, f"+55{ddd}9{a}{b}"


UNITS = ["zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze", "treze",
         "quatorze", "quinze", "dezesseis", "dezessete", "dezoito", "dezenove"]
TENS = ["", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"]
HUNDREDS = ["", "cento", "duzentos", "trezentos", "quatrocentos", "quinhentos", "seiscentos", "setecentos", "oitocentos",
            "novecentos"]


def words(n):
    """Portuguese words for 0 ≤ n < 1,000,000."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " e " + UNITS[n % 10])
    if n < 1000:
        if n == 100:
            return "cem"
        return HUNDREDS[n // 100] + ("" if n % 100 == 0 else " e " + words(n % 100))
    thousands, rest = divmod(n, 1000)
    head = "mil" if thousands == 1 else words(thousands) + " mil"
    if rest == 0:
        return head
    return head + (" e " if rest < 100 or rest % 100 == 0 else " ") + words(rest)


def money(r, low=20, high=3000, english=False):
    """(surface, "123.45") in many writings, words included."""
    reais = r.choice([r.randint(low, high), r.randrange(low, high, 10), r.randrange(50, 2000, 50)])
    cents = r.choice([0, 0, 0, 90, 50, 99])
    value = f"{reais}.{cents:02d}" if cents else f"{reais}"
    if english:
        return r.choice([f"${reais}" + (f".{cents:02d}" if cents else ""), f"{reais} dollars"]), value
    grouped = f"{reais:,}".replace(",", ".")
    forms = [f"R$ {grouped}" + (f",{cents:02d}" if cents else ",00"), f"R${reais}" + (f",{cents:02d}" if cents else ""),
             f"{grouped}" + (f",{cents:02d}" if cents else "") + " reais", f"{reais} conto" if not cents and reais < 1000 else None]
    if reais < 10000:
        forms.append(words(reais) + " reais" + (f" e {words(cents)} centavos" if cents else ""))
    return r.choice([f for f in forms if f]), value


def price(r):
    reais, cents = r.randint(9, 400), r.choice([0, 90, 50, 99])
    value = f"{reais}.{cents:02d}" if cents else f"{reais}"
    forms = [f"R$ {reais},{cents:02d}", f"{reais},{cents:02d}", f"R${reais},{cents:02d}", f"{reais},{cents:02d} reais"]
    if not cents:
        forms += [f"{words(reais)} reais", f"{reais} reais", f"R$ {reais}"]
    return r.choice(forms), value


def percent(r):
    n = r.choice([5, 8, 10, 12, 15, 20, 25, 30, 40, 50])
    return r.choice([f"{n}%", f"{n} %", f"{words(n)} por cento", f"{n} por cento", f"{words(n)}%"]), str(n)


def order_number(r):
    n = r.randint(1001, 9999)
    return n


def fold(text):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def rng(seed):
    return random.Random(seed)
