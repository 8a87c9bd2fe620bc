"""kill -9 at random moments, then a restart: nothing lost, nothing twice.

Copies the samples into an inbox, runs `expe-ct inbox --once` and kills it
with SIGKILL after a random delay, again and again (each run resumes what the
previous one left), then lets one run finish.  Checks that every original
file is, byte for byte, exactly once in the archive or the quarantine, that
the inbox and staging are empty, and that the register holds one row per
submission.

    .venv/bin/python bench/crash_safety.py [--kills 12] [--seed 0]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EXPE_CT = str(Path(sys.executable).parent / "expe-ct")


def digests(root: Path) -> Counter:
    return Counter(hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*")
                   if p.is_file() and not p.name.startswith("RAISON-"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    from register import Register

    with tempfile.TemporaryDirectory() as tmp:
        batch, inbox, home = Path(tmp) / "batch", Path(tmp) / "depot", Path(tmp) / "home"
        shutil.copytree(ROOT / "samples" / "dossiers", batch)
        shutil.copytree(batch, inbox)
        command = [EXPE_CT, "inbox", "--once", "--inbox", str(inbox), "--home", str(home), "--settle", "0"]
        moments = []
        for _ in range(args.kills):
            delay = rng.uniform(0.5, 14.0)
            run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
            time.sleep(delay)
            if run.poll() is None:
                run.send_signal(signal.SIGKILL)
            run.wait()
            filed = len(list((home / "records").glob("*.json"))) if (home / "records").exists() else 0
            moments.append(f"{delay:.1f} s ({filed} fiches)")
        final = subprocess.run(command, capture_output=True, text=True, timeout=600)
        stored = digests(home / "archive") + digests(home / "quarantine")
        original = digests(batch)
        lost, twice = original - stored, stored - original
        register = Register.open(home)
        rows = register.count()
        register.close()
        left = list(inbox.iterdir()) + list((home / "staging").iterdir())
        submissions = len(list(batch.iterdir()))
    print(f"{args.kills} arrêts par kill -9, après : " + ", ".join(moments))
    print(f"reprise : code {final.returncode} ; {final.stdout.strip().splitlines()[-1]}")
    print(f"{sum(original.values())} fichiers d'origine : {sum(lost.values())} perdus, "
          f"{sum(twice.values())} en double ; {rows} lignes au registre pour "
          f"{submissions} dépôts ; {len(left)} restes dans la boîte ou en attente")
    if lost or twice or left or final.returncode not in (0, 1):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
