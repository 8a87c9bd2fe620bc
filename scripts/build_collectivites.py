"""Build analysis/data/collectivites.tsv.gz from Etalab's decoupage-administratif.

The npm package @etalab/decoupage-administratif (MIT licence, Etalab) ships the
official lists of French communes, EPCI, EPT, départements and régions as
JSON (about 12 MB).  The analyses only need names, types, codes and
populations, so this script derives a small gzipped TSV that is committed to
the repository; run it again only to move to a newer millésime:

    python scripts/build_collectivites.py                 # fetches with `npm pack`
    python scripts/build_collectivites.py path/to/package.tgz
"""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analysis.collectivites import key  # noqa: E402  (keys are stored, see below)

PACKAGE = "@etalab/decoupage-administratif"
VERSION = "6.0.0"
OUT = Path(__file__).resolve().parents[1] / "analysis" / "data" / "collectivites.tsv.gz"
# The package lists the overseas collectivités (Saint-Martin, Polynésie...)
# among départements and régions; they are neither, so only the five
# overseas départements are kept there (the communes of all are kept).
OVERSEAS_DEPARTEMENTS = {"971", "972", "973", "974", "976"}


def fetch(tmp: Path) -> Path:
    out = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=tmp,
                         capture_output=True, text=True, check=True, timeout=300)
    return tmp / out.stdout.strip().splitlines()[-1]


def load(tgz: Path) -> dict:
    data = {}
    with tarfile.open(tgz) as tar:
        version = json.load(tar.extractfile("package/package.json"))["version"]
        if version != VERSION:
            sys.exit(f"version {version} du paquet, {VERSION} attendue")
        data["licence"] = tar.extractfile("package/LICENSE").read().decode("utf-8")
        for kind in ("communes", "epci", "ept", "departements", "regions"):
            data[kind] = json.load(tar.extractfile(f"package/data/{kind}.json"))
    return data


def rows(data: dict[str, list[dict]]):
    """(type, subtype, name, code, parent, population, liaison) per entity."""
    seen = set()
    for c in data["communes"]:
        if c["type"] == "arrondissement-municipal":
            continue
        sub = "actuelle" if c["type"] == "commune-actuelle" else "deleguee"
        name_dep = (c["nom"], c["departement"])
        if sub == "deleguee" and name_dep in seen:
            continue  # the chef-lieu déléguée bearing the new commune's name
        seen.add(name_dep)
        yield "commune", sub, c["nom"], c["code"], c["departement"], c.get("population", 0), c.get("typeLiaison", "")
    for e in data["epci"]:
        yield "epci", e["type"], e["nom"], e["code"], "", e["populationTotale"], ""
    for e in data["ept"]:
        yield "epci", "EPT", e["nom"], e["code"], "", e.get("populationTotale", 0), ""
    for d in data["departements"]:
        if len(d["code"]) == 2 or d["code"] in OVERSEAS_DEPARTEMENTS:
            yield "departement", "", d["nom"], d["code"], d["region"], "", d.get("typeLiaison", "")
    for r in data["regions"]:
        if len(r["code"]) == 2:
            yield "region", "", r["nom"], r["code"], "", "", r.get("typeLiaison", "")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tgz = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch(Path(tmp))
        data = load(tgz)
    text = io.StringIO()
    text.write(f"# Derived from {PACKAGE} {VERSION} by scripts/build_collectivites.py,\n"
               "# under the package's licence:\n")
    text.writelines(f"# {line}".rstrip() + "\n" for line in data["licence"].splitlines())
    text.write("# type\tsubtype\tname\tcode\tparent\tpopulation\tliaison\tkey\n")
    for row in rows(data):
        # The comparison key is stored so that loading needs no text folding
        # (it halves load time); rebuild the file whenever key() changes.
        text.write("\t".join(str(v) for v in row) + "\t" + key(row[2]) + "\n")
    raw = text.getvalue().encode("utf-8")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw)  # mtime 0: the same input gives the same bytes
    print(f"{OUT}: {len(raw)} octets, {OUT.stat().st_size} compressés")


if __name__ == "__main__":
    main()
