#!/usr/bin/env python3
"""Writes eval/nlu-corpus/corpus.jsonl: templates × slot values × voices, plus hand-written sentences.

Each line: {"id", "family", "action" (null = none), "lang", "text", "params", "source", "holdout"} and, for a
question the knowledge base should answer (still no action), "route": "kb".
A family is one template (its variants share it) or one hand-written sentence; "holdout" families are
kept out of training and cross-validation, for a last check of our own. Deterministic (fixed seed).
Run: python3 scripts/nlu_corpus/generate.py  (then `copiloto nlu train` to refresh the weights).
"""
import hashlib, json, os, random, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from pools import fold
from slots import fill_slot
import templates_people, templates_commerce, templates_store, templates_more, negatives, handwritten

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "eval", "nlu-corpus", "corpus.jsonl")
PT_VARIANTS, EN_VARIANTS, NEG_VARIANTS = 6, 4, 3
ABBREVIATIONS = [("você", "vc"), ("por favor", "pfv"), ("celular", "cel"), ("para", "pra"), ("está", "tá"), ("também", "tb"),
                 ("mensagem", "msg"), ("quanto", "qto"), ("porque", "pq"), ("não", "ñ"), ("hoje", "hj")]
PREFIXES = ["por favor, ", "pfv ", "oi, ", "vc pode ", "consegue ", "preciso que vc ", "será que dá pra ", "rapidinho: ",
            "antes que eu esqueça, ", "to aqui com um cliente, ", "bom dia! ", "me faz um favor, ", "urgente: "]
SUFFIXES = [" por favor", " pfv", ", obrigado", " valeu", ", é urgente", " quando puder", " 🙏", "!!"]
EN_PREFIXES = ["please ", "hey, ", "could you ", "can you ", "quick one: "]


def typo(word, r):
    if len(word) < 5 or not word.isalpha():
        return word
    i = r.randrange(1, len(word) - 2)
    return r.choice([word[:i] + word[i + 1] + word[i] + word[i + 2:], word[:i] + word[i + 1:], word[:i] + word[i] + word[i:]])


def voice(template, lang, r):
    """The template in another voice: wrappers, abbreviations, no accents, a typo, lower/upper case."""
    parts = re.split(r"(\{[a-z0-9]+\})", template)
    def each(fn):
        return [p if p.startswith("{") else fn(p) for p in parts]
    if lang == "pt":
        if r.random() < 0.35:
            for long, short in ABBREVIATIONS:
                parts = each(lambda p: re.sub(rf"\b{long}\b", short, p))
        if r.random() < 0.3:
            parts = each(fold)
        if r.random() < 0.25:
            parts = each(lambda p: " ".join(typo(w, r) if r.random() < 0.25 else w for w in p.split(" ")))
    text = "".join(parts)
    if r.random() < 0.35:
        text = r.choice(PREFIXES if lang == "pt" else EN_PREFIXES) + text
    if lang == "pt" and r.random() < 0.2:
        text = text.rstrip("?") + r.choice(SUFFIXES)
    if r.random() < 0.3:
        text = text[:1].upper() + text[1:]
    return text


def fill(template, lang, r):
    params = {}
    def sub(match):
        surface, values = fill_slot(match.group(1), r, lang)
        params.update(values)
        return surface
    return re.sub(r"\{([a-z0-9]+)\}", sub, template), params


def holdout(family):
    return int(hashlib.sha256(family.encode()).hexdigest(), 16) % 8 == 0


def generate(excluded):
    rows, seen = [], set(excluded)
    def add(family, action, lang, text, params, source):
        key = fold(text).lower().strip()
        if key in seen:
            return
        seen.add(key)
        route = "kb" if action == "none:kb" else None
        row = {"id": f"{family}#{len([x for x in rows if x['family'] == family])}", "family": family,
               "action": None if route else action, "lang": lang, "text": text, "params": params, "source": source,
               "holdout": holdout(family)}
        if route:
            row["route"] = route
        rows.append(row)
    for module in (templates_people, templates_commerce, templates_store, templates_more):
        for action, templates in module.TEMPLATES.items():
            for offset, (lang, template, fixed) in enumerate(templates):
                index = offset + (100 if module is templates_more else 0)
                r = random.Random(f"{action}/{index}")
                for attempt in range((PT_VARIANTS if lang == "pt" else EN_VARIANTS) * 3):
                    if len([x for x in rows if x["family"] == f"{action}/t{index}"]) >= (PT_VARIANTS if lang == "pt" else EN_VARIANTS):
                        break
                    text, params = fill(voice(template, lang, r) if attempt else template, lang, r)
                    add(f"{action}/t{index}", action, lang, text, {**params, **fixed}, "template")
    for group, templates in negatives.FAMILIES.items():
        for index, template in enumerate(templates):
            r = random.Random(f"none/{group}/{index}")
            lang = "en" if re.search(r"\b(the|you|what|how|who|do|are|me a|tell|play|turn|book|order)\b", template) else "pt"
            for attempt in range(NEG_VARIANTS * 2):
                text = re.sub(r"\{([a-z_0-9]+)\}", lambda m: r.choice(negatives.FILLERS[m.group(1)]), template)
                add(f"none/{group}/{index}", "none:kb" if group in ("kb", "customer") else None, lang, voice(text, lang, r) if attempt else text, {}, "template")
    for index, (action, text, params) in enumerate(handwritten.HAND):
        lang = "en" if re.search(r"\b(add|the|as|a customer)\b", text) and not re.search(r"\b(o|a|da|do)\b", text) else "pt"
        add(f"{(action or 'none').replace(':', '-')}/h{index}", action, lang, text, params, "hand")
    return rows


def main():
    dev = os.path.join(ROOT, "..", "shared", "eval", "nlu-dev.json")
    # The development set is never trained on: its sentences (as written, folded) are left out if a template makes one.
    excluded = set()
    if os.path.exists(dev):
        excluded = {fold(c["text"]).lower().strip() for c in json.load(open(dev))["cases"]}
    rows = generate(excluded)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    from collections import Counter
    counts = Counter((row["action"] or ("none:kb" if row.get("route") else "none"), row["lang"]) for row in rows)
    for action in sorted({a for a, _ in counts}):
        print(f"{action:26} pt {counts[(action, 'pt')]:4}  en {counts[(action, 'en')]:3}")
    print(f"total {len(rows)}, holdout families {len({r['family'] for r in rows if r['holdout']})}")


if __name__ == "__main__":
    main()
