#!/usr/bin/env python3
"""Derives Parley's place and people dictionaries from the public actor dictionaries.

Reads ../shared/data/CountryInfo.120116.txt (CC BY-SA 3.0, Philip A. Schrodt) and
../shared/data/Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance) and writes
  workers/extract/data/countryinfo_places.tsv  (CC BY-SA 3.0, attribution in its header)
  workers/extract/data/phoenix_people.tsv      (MIT, attribution in its header)
The outputs are committed; rerun this script only when the sources change:
  python3 scripts/build_dictionaries.py [--shared ../shared]
"""
import argparse
import os
import re

PLACES_HEADER = """# Places derived from CountryInfo.120116.txt by scripts/build_dictionaries.py.
# Source: openeventdata/CountryInfo, Copyright (c) 2012 Philip A. Schrodt.
# Licence: Creative Commons Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0); this derived
# file is under the same licence. Changes: re-cased, underscores to spaces, comments and
# entries without an ISO 3166-1 alpha-2 code dropped.
# Columns: alpha2 <TAB> kind (country|demonym|capital|city) <TAB> phrase
"""

PEOPLE_HEADER = """# Officials derived from Phoenix.Countries.actors.txt by scripts/build_dictionaries.py.
# Source: openeventdata/petrarch2, Copyright (c) 2014 Open Event Data Alliance, MIT licence.
# Only government (GOV) codes are kept; six-digit YYMMDD dates are read as 19YY/20YY
# (YY < 30 -> 20YY). Columns: name <TAB> alpha2 <TAB> from YYYYMMDD <TAB> to YYYYMMDD
"""


def is_acronym(word):
    letters = re.sub(r"[^A-Za-z]", "", word)
    return "." in word or len(letters) <= 3 or not re.search(r"[AEIOUY]", letters.upper())


def title(phrase):
    words = []
    for w in phrase.split():
        if is_acronym(w) and len(phrase.split()) == 1:
            words.append(w.upper())
            continue
        if w.upper() in ("OF", "THE", "AND", "DE", "DA", "DEL", "LA", "AL"):
            words.append(w.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def clean(item):
    item = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", item)
    item = item.split("#", 1)[0].strip()
    item = item.replace("_", " ").strip()
    return re.sub(r"\s+", " ", item)


def field(block, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (re.escape(tag), re.escape(tag)), block, re.S)
    if not m:
        return []
    return [c for c in (clean(x) for x in m.group(1).split("\n")) if c]


# CountryInfo.120116.txt gives some countries another country's ISO alpha-2 code (Israel "IS"
# is Iceland's, Guatemala "GP", Myanmar "MZ", Guinea "PG"); keyed by its CountryCode, these are
# the correct ISO 3166-1 alpha-2 codes.
CORRECTIONS = {"ISR": "IL", "GTM": "GT", "MMR": "MM", "GIN": "GN", "COK": "CK"}
# Kosovo is given its FIPS code "KV", no ISO code; the user-assigned "XK" is the one the EU, the
# IMF and GeoNames use.
ALPHA2_CORRECTIONS = {"KV": "XK"}


def countryinfo(path):
    text = open(path, encoding="latin-1").read()
    # The file's documentation block describes the tags ("<Country>: wrapper ..."): without it,
    # the first real <Country> (Afghanistan) would be swallowed into the description.
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    alpha3_to_2 = {}
    rows = []
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        a2 = field(block, "ISO3166-alpha2")
        country_code = field(block, "CountryCode")
        if country_code and country_code[0] in CORRECTIONS:
            a2 = [CORRECTIONS[country_code[0]]]
        if a2 and a2[0] in ALPHA2_CORRECTIONS:
            a2 = [ALPHA2_CORRECTIONS[a2[0]]]
        a3 = [x for x in field(block, "ISO3166-alpha3") + country_code if re.fullmatch(r"[A-Z]{3}", x)]
        if not a2 or not re.fullmatch(r"[A-Z]{2}", a2[0]):
            continue
        code = a2[0]
        for x in a3:
            alpha3_to_2[x] = code if x not in alpha3_to_2 or x in CORRECTIONS else alpha3_to_2[x]
        for name in field(block, "CountryName"):
            rows.append((code, "country", title(name)))
        for name in field(block, "Nationality"):
            if len(name) > 2 or name.isupper():
                rows.append((code, "demonym", name if "." in name else title(name)))
        for name in field(block, "Capital"):
            rows.append((code, "capital", title(name)))
        for name in field(block, "MajorCities"):
            rows.append((code, "city", title(name)))
    seen = set()
    unique = []
    for r in rows:
        if re.search(r"[(),]", r[2]) or r[2].lower().startswith("the "):
            continue
        if r not in seen and r[2]:
            seen.add(r)
            unique.append(r)
    return unique, alpha3_to_2


def year(d):
    d = d.strip("<>")
    if len(d) == 6:
        yy = int(d[:2])
        return ("20" if yy < 30 else "19") + d
    return d if len(d) == 8 else ""


INSTITUTION_WORDS = {"authority", "government", "ministry", "council", "party", "army", "police",
                     "parliament", "assembly", "court", "commission", "agency", "office", "forces",
                     "cabinet", "administration", "embassy", "republic", "kingdom", "state", "bank"}


def phoenix(path, alpha3_to_2, place_names):
    people = []
    name = None
    for line in open(path, encoding="latin-1"):
        if line.startswith("#") or not line.strip():
            continue
        if not line[0].isspace() and not line.startswith("+"):
            name = clean(line.split("[")[0])
            continue
        if line.startswith("\t") and name:
            for code, dates in re.findall(r"\[([A-Z]{3,})\s*([^\]]*)\]", line):
                if code[3:6] != "GOV" or code[:3] not in alpha3_to_2:
                    continue
                start, end = "", ""
                if "-" in dates:
                    a, b = dates.split("-", 1)
                    start, end = year(a.strip()), year(b.strip())
                elif dates.startswith(">"):
                    start = year(dates[1:].strip())
                elif dates.startswith("<"):
                    end = year(dates[1:].strip())
                words = name.lower().split()
                if (len(words) < 2 or INSTITUTION_WORDS & set(words) or name.lower() in place_names
                        or not all(re.fullmatch(r"[a-z][a-z.'-]*", w) for w in words)):
                    continue
                people.append((title(name), alpha3_to_2[code[:3]], start or "0", end or "99999999"))
    seen = set()
    return [p for p in people if not (p in seen or seen.add(p))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    args = ap.parse_args()
    out_dir = os.path.join(os.path.dirname(__file__), "..", "workers", "extract", "data")
    places, a3 = countryinfo(os.path.join(args.shared, "data", "CountryInfo.120116.txt"))
    with open(os.path.join(out_dir, "countryinfo_places.tsv"), "w", encoding="utf-8") as f:
        f.write(PLACES_HEADER)
        for r in places:
            f.write("\t".join(r) + "\n")
    place_names = {r[2].lower() for r in places}
    people = phoenix(os.path.join(args.shared, "data", "Phoenix.Countries.actors.txt"), a3, place_names)
    with open(os.path.join(out_dir, "phoenix_people.tsv"), "w", encoding="utf-8") as f:
        f.write(PEOPLE_HEADER)
        for r in people:
            f.write("\t".join(r) + "\n")
    print("places: %d, people: %d" % (len(places), len(people)))


if __name__ == "__main__":
    main()
