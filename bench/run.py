"""Speed of expe-ct at scale, in one run, as ratios (machines here are noisy).

    .venv/bin/python bench/run.py [--n 100] [--repeat 3] [--big] [--jobs N] [--profile 20]
    .venv/bin/python bench/run.py --inbox-only --n 200 [--scans 8]    # the inbox flow against analyse

On N one-file submissions of 2 to 15 pages (half PDF, half DOCX, built from
the samples by bench/corpus_builder.py) and a few scans, each repetition runs,
one after the other, as fresh commands timed from launch to exit (model
loading included): `expe-ct analyse`, the naive baseline and the floor
(bench/baselines.py), and the inbox flow (`expe-ct inbox --once`) on copies
of the same files.  Then: one file cold, OCR seconds per page, pyinstrument's
hot spots over --profile submissions in one process, and with --big the
peak memory of `analyse` on 1,000 submissions.  Figures: median and min–max
over the repetitions; a ratio is taken within each repetition.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import corpus_builder  # noqa: E402  (bench/ is the script's folder)

BIN = Path(sys.executable).parent
EXPE_CT = str(BIN / "expe-ct")
BASELINES = str(ROOT / "bench" / "baselines.py")
GNU_TIME = "/usr/bin/time"
SAMPLE_EVERY_S = 0.1
WORK = corpus_builder.CACHE / "work"

# The targets (2 cores, warm).
TARGET_RATE = 5.0          # submissions/s
TARGET_VS_NAIVE = 8.0      # times faster
TARGET_VS_FLOOR = 2.0      # at most this many times the floor's time
TARGET_RSS_MB = 600        # per worker
TARGET_COLD_S = 6.0
TARGET_INBOX = 1.10        # inbox time / analyse time


# --------------------------------------------------------------- one command

def _status_kb(pid: int, key: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:   # gone
        pass
    return None


def _children(pid: int) -> list[int]:
    kids = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                kids += map(int, fh.read().split())
    except OSError:
        pass
    return kids


class PeakSampler(threading.Thread):
    """Reads the high-water mark of resident memory (VmHWM, exact: the
    kernel keeps it) of a process and of all its descendants while they
    live, by depth below the root: 0 is the command, deeper its workers."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.peaks: dict[int, tuple[int, int]] = {}   # pid -> (depth, kB)
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            stack = [(self.root, 0)]
            while stack:
                pid, depth = stack.pop()
                kb = _status_kb(pid, "VmHWM:")
                if kb is not None:
                    self.peaks[pid] = (depth, max(kb, self.peaks.get(pid, (0, 0))[1]))
                stack += [(child, depth + 1) for child in _children(pid)]
            self.done.wait(SAMPLE_EVERY_S)

    def at_depth(self, depth: int) -> list[int]:
        return [kb for d, kb in self.peaks.values() if d == depth]

    def below(self, depth: int) -> list[int]:
        return [kb for d, kb in self.peaks.values() if d > depth]


@dataclass
class Run:
    wall: float                 # launch to exit, s
    cpu: float | None           # user + system s of the whole process tree (GNU time)
    stamps: list[float]         # when each record line came out, s after launch
    errors: int                 # records with "status": "error"
    parent_mb: float            # peak RSS of the command's own process
    worker_mb: float            # largest peak RSS of its descendants (0 if none)
    workers: int                # descendants seen
    tree_mb: float | None       # /usr/bin/time's maximum resident set size

    @property
    def steady_rate(self) -> float | None:
        """Records per second between the first and the last: the rate once started."""
        if len(self.stamps) < 2 or self.stamps[-1] <= self.stamps[0]:
            return None
        return (len(self.stamps) - 1) / (self.stamps[-1] - self.stamps[0])


def measure(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command, time it and its record lines (JSON on stdout), sample
    the memory of its process tree."""
    with tempfile.NamedTemporaryFile("w+") as rusage, tempfile.TemporaryFile("w+") as err:
        timed = Path(GNU_TIME).exists()
        full = [GNU_TIME, "-v", "-o", rusage.name, *cmd] if timed else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT,
                                env={**os.environ, **(env or {})})
        # Under GNU time the command is time's child: depth 1.
        sampler = PeakSampler(proc.pid)
        sampler.start()
        stamps, errors = [], 0
        for line in proc.stdout:
            if line.startswith("{"):
                stamps.append(time.perf_counter() - start)
                errors += json.loads(line).get("status") == "error"
        proc.wait()
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        if proc.returncode:
            err.seek(0)
            raise SystemExit(f"échec ({proc.returncode}) de {' '.join(cmd[:3])} … :\n"
                             + err.read()[-3000:])
        rusage.seek(0)
        usage = dict(line.strip().rsplit(": ", 1) for line in rusage if ": " in line)
    base = 1 if timed else 0
    own, workers = sampler.at_depth(base), sampler.below(base)
    tree_kb = usage.get("Maximum resident set size (kbytes)")
    cpu = float(usage["User time (seconds)"]) + float(usage["System time (seconds)"]) \
        if "User time (seconds)" in usage else None
    return Run(wall, cpu, stamps, errors, max(own, default=0) / 1024,
               max(workers, default=0) / 1024, len(workers), int(tree_kb) / 1024 if tree_kb else None)


# --------------------------------------------------------------- contenders

def run_analyse(paths: list[str], jobs: int) -> Run:
    return measure([EXPE_CT, "analyse", "--json", "--quiet", "--jobs", str(jobs), *paths])


def run_naive(paths: list[str]) -> Run:
    return measure([sys.executable, BASELINES, "naive", *paths])


def run_floor(paths: list[str], jobs: int) -> Run:
    return measure([sys.executable, BASELINES, "floor", "--jobs", str(jobs), *paths])


def inbox_available() -> bool:
    try:
        out = subprocess.run([EXPE_CT, "inbox", "--help"], capture_output=True, text=True,
                             timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0 and "--once" in out.stdout


def _inbox_command(inbox: Path, home: Path, jobs: int) -> list[str]:
    # --settle 0: the copies are complete; the wait for stability is a
    # deliberate delay, not work.
    return [EXPE_CT, "inbox", "--once", "--inbox", str(inbox), "--home", str(home),
            "--settle", "0", "--jobs", str(jobs)]


def prepare_home(jobs: int) -> Path:
    """A data home as a running installation has it: Prefect's database
    created and migrated by a first, empty run (paid once, not per run)."""
    template = WORK / "home-initialisé"
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "vide").mkdir(parents=True)
    measure(_inbox_command(WORK / "vide", template, jobs))
    return template


def run_warm_flow(paths: list[str], template: Path) -> dict:
    """One inbox flow run in a process whose server and workers are already
    up, as `expe-ct inbox` keeps them between runs (bench/warm_flow.py): its
    seconds, and the CPU seconds of the process and of the server."""
    inbox, home = WORK / "boite", WORK / "home"
    for stale in (inbox, home):
        shutil.rmtree(stale, ignore_errors=True)
    shutil.copytree(template, home)
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "warm_flow.py"), str(home), str(inbox),
                          *paths], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit("échec de bench/warm_flow.py :\n" + out.stderr[-3000:])
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if sum(result["counts"].values()) != len(paths):
        raise SystemExit(f"flux servi : {result['counts']} pour {len(paths)} dépôts")
    return result


def run_prefect_floor(n: int, template: Path) -> dict:
    """Prefect alone: CPU per no-op task of the engine and of the private
    server, on a copy of the initialised home (bench/prefect_floor.py)."""
    home = WORK / "home-plancher"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(template, home)
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "prefect_floor.py"), str(home), str(n)],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit("échec de bench/prefect_floor.py :\n" + out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_inbox(paths: list[str], jobs: int, template: Path) -> Run:
    """`expe-ct inbox --once` on fresh copies of the submissions (the inbox
    moves what it takes) and a fresh copy of the initialised home."""
    inbox, home = WORK / "boite", WORK / "home"
    for stale in (inbox, home):
        shutil.rmtree(stale, ignore_errors=True)
    inbox.mkdir()
    shutil.copytree(template, home)
    for p in paths:
        shutil.copy2(p, inbox)
    run = measure(_inbox_command(inbox, home, jobs))
    filed = len(list((home / "records").glob("*.json")))
    if filed != len(paths) or any(inbox.iterdir()):
        raise SystemExit(f"la boîte de dépôt n'a classé que {filed} dépôts sur {len(paths)}")
    return run


# --------------------------------------------------------------- cold start

def evict_from_page_cache(*roots: Path) -> None:
    """Ask the kernel to drop the cached pages of these files (no root
    needed, nothing else touched): the next run reads them from disk."""
    for root in roots:
        files = [root] if root.is_file() else (Path(d, f) for d, _, fs in os.walk(root) for f in fs)
        for path in files:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def cold_start(path: str) -> tuple[float, float]:
    """(s with the program's files out of the page cache, s in a new process
    with them cached) for `expe-ct analyse` of one file."""
    stdlib = Path(os.__file__).parent
    evict_from_page_cache(BIN.parent, stdlib, ROOT, Path(path))
    cold = measure([EXPE_CT, "analyse", "--json", path]).wall
    warm = measure([EXPE_CT, "analyse", "--json", path]).wall
    return cold, warm


# --------------------------------------------------------------- in one process

def ocr_seconds_per_page(paths: list[str]) -> float:
    """Reading time of the scans (PDFium, then tesseract on every page) per
    OCR'd page, one process, tesseract on one thread as in the workers."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from common.limits import Limits
    from expe_ct.pipeline import read_submission

    elapsed, pages = 0.0, 0
    for path in paths:
        start = time.perf_counter()
        submission, _ = read_submission(path, Limits())
        elapsed += time.perf_counter() - start
        pages += sum(p.pages or 0 for p in submission.pieces if p.ocr)
    return elapsed / max(pages, 1)


def profile(paths: list[str], top: int = 12) -> None:
    """pyinstrument over `analyse_submission` of each path in this process,
    warm: where the time goes."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("\nprofil : pyinstrument absent (.venv/bin/pip install pyinstrument)")
        return
    from common.limits import Limits
    from expe_ct.pipeline import analyse_submission

    for path in paths:   # files in the page cache (the cold start emptied it), models loaded
        Path(path).read_bytes()
    analyse_submission(paths[0], Limits())
    profiler = Profiler(interval=0.001)
    profiler.start()
    for path in paths:
        analyse_submission(path, Limits())
    session = profiler.stop()
    total = session.duration
    own: dict[str, float] = {}
    inclusive: dict[str, float] = {}

    def walk(frame, above: frozenset) -> None:
        name = f"{frame.function} ({_short(frame.file_path)}:{frame.line_no})"
        if not frame.is_synthetic:
            own[name] = own.get(name, 0.0) + frame.total_self_time
            if name not in above and _ours(frame.file_path):   # recursion counted once
                inclusive[name] = inclusive.get(name, 0.0) + frame.time
            above = above | {name}
        for child in frame.children:
            walk(child, above)

    walk(session.root_frame(), frozenset())
    print(f"\nprofil (pyinstrument) : {len(paths)} dossiers dans un processus, {total:.1f} s "
          f"({len(paths) / total:.2f} dossiers/s, modèles déjà chargés)")
    print("  temps cumulé, fonctions du projet :")
    for name, t in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"    {100 * t / total:5.1f} %  {name}")
    print("  temps propre (feuilles) :")
    for name, t in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        print(f"    {100 * t / total:5.1f} %  {name}")


def _short(path: str | None) -> str:
    if not path:
        return "?"
    p = Path(path)
    for anchor in (ROOT, BIN.parent):
        if p.is_relative_to(anchor):
            return str(p.relative_to(anchor)).replace("lib/python3.11/site-packages/", "")
    return p.name


def _ours(path: str | None) -> bool:
    """The project's code, bar this bench and the virtualenv."""
    return bool(path) and Path(path).is_relative_to(ROOT) and not any(
        Path(path).is_relative_to(d) for d in (BIN.parent, ROOT / "bench"))


# --------------------------------------------------------------- report

@dataclass
class Row:
    label: str
    values: list[float] = field(default_factory=list)
    unit: str = ""
    target: str = ""
    met: bool | None = None

    def cells(self) -> tuple[str, str]:
        if not self.values:
            return "non mesuré", ""
        med = statistics.median(self.values)
        spread = f"{_num(min(self.values))}–{_num(max(self.values))}" if len(self.values) > 1 else ""
        return f"{_num(med)}{self.unit}", spread


def _num(x: float) -> str:
    text = f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:.0f}"
    return text.replace(".", ",")


def print_table(rows: list[Row]) -> None:
    print("\n| mesure | médiane | min–max | cible | atteinte |\n| --- | --- | --- | --- | --- |")
    for row in rows:
        med, spread = row.cells()
        verdict = "" if row.met is None else "oui" if row.met else "**non**"
        print(f"| {row.label} | {med} | {spread} | {row.target} | {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="soumissions texte (PDF et DOCX)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--big", action="store_true", help="et la mémoire à 1 000 soumissions")
    parser.add_argument("--profile", type=int, default=20, metavar="K",
                        help="dossiers profilés dans un processus (0 : pas de profil)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--inbox-only", action="store_true",
                        help="seulement `analyse`, `inbox --once` et le flux servi")
    parser.add_argument("--scans", type=int, default=0, metavar="K",
                        help="avec --inbox-only : K numérisations en plus des N soumissions texte")
    args = parser.parse_args()
    if args.inbox_only:
        return inbox_only(args)

    corpus = corpus_builder.build(args.n, scans=max(2, args.n // 25), seed=args.seed)
    paths, scans = corpus.paths(), corpus.paths(scan=True)
    pages = corpus.pages()
    text = [e for e in corpus.entries if not e.scan]
    print(f"{len(paths)} soumissions texte ({sum(e.format == 'pdf' for e in text)} PDF, "
          f"{sum(e.format == 'docx' for e in text)} DOCX, {min(e.pages for e in text)} à "
          f"{max(e.pages for e in text)} pages, {pages} en tout), {len(scans)} numérisées "
          f"({corpus.pages(scan=True)} pages) ; {args.jobs} processus ; {args.repeat} passes")
    with_inbox = inbox_available()

    template = prepare_home(args.jobs) if with_inbox else None
    runs: dict[str, list[Run]] = {"analyse": [], "naive": [], "floor": [], "inbox": [],
                                  "inbox à vide": []}
    served: list[float] = []
    for rep in range(1, args.repeat + 1):   # interleaved, so that load drifts hit all alike
        load = os.getloadavg()[0]
        runs["analyse"].append(run_analyse(paths, args.jobs))
        runs["naive"].append(run_naive(paths))
        runs["floor"].append(run_floor(paths, args.jobs))
        if template:
            runs["inbox"].append(run_inbox(paths, args.jobs, template))
            runs["inbox à vide"].append(run_inbox([], args.jobs, template))
            served.append(run_warm_flow(paths, template)["flow_s"])
        print(f"passe {rep} (charge {load:.1f}) : "
              + ", ".join(f"{k} {r[-1].wall:.1f} s ({r[-1].cpu or 0:.0f} s CPU)"
                          for k, r in runs.items() if r), flush=True)
    shutil.rmtree(WORK, ignore_errors=True)
    failed = sum(r.errors for r in runs["analyse"])
    if failed:
        print(f"attention : {failed} enregistrements en erreur dans les passes d'`analyse`")

    ocr = [ocr_seconds_per_page(scans) for _ in range(args.repeat)]
    big = run_analyse(corpus_builder.build(1000, seed=args.seed).paths(), args.jobs) \
        if args.big else None
    cold = [cold_start(_typical_pdf(corpus)) for _ in range(args.repeat)]   # empties the cache: last

    n = len(paths)
    analyse, naive, floor, inbox = (runs[k] for k in ("analyse", "naive", "floor", "inbox"))
    rate = [n / r.wall for r in analyse]
    cpu = {k: [r.cpu / n for r in v if r.cpu] for k, v in runs.items() if k != "inbox à vide"}
    rss100 = max(r.worker_mb for r in analyse)
    rows = [
        Row(f"`analyse` : dossiers/s (N={n}, démarrage compris)", rate, "", f"≥ {TARGET_RATE:g}",
            statistics.median(rate) >= TARGET_RATE),
        Row("`analyse` : pages/s", [pages / r.wall for r in analyse]),
        Row("`analyse` : dossiers/s une fois démarré", [r.steady_rate for r in analyse if r.steady_rate]),
        Row("`analyse` : démarrage (s jusqu'au premier enregistrement)",
            [r.stamps[0] for r in analyse if r.stamps]),
        Row("référence naïve : dossiers/s (pdfplumber/python-docx + md complet, séquentiel)",
            [n / r.wall for r in naive]),
        Row("`analyse` / naïve (vitesse)", [b.wall / a.wall for a, b in zip(analyse, naive)], "×",
            f"≥ {TARGET_VS_NAIVE:g}×",
            statistics.median(b.wall / a.wall for a, b in zip(analyse, naive)) >= TARGET_VS_NAIVE),
        Row("naïve / `analyse` (temps CPU)", _cpu_ratios(naive, analyse), "×"),
        Row(f"plancher : dossiers/s (pypdfium2/lxml + md NER seul, {args.jobs} processus)",
            [n / r.wall for r in floor]),
        Row("`analyse` / plancher (durée)", [a.wall / b.wall for a, b in zip(analyse, floor)], "×",
            f"≤ {TARGET_VS_FLOOR:g}×",
            statistics.median(a.wall / b.wall for a, b in zip(analyse, floor)) <= TARGET_VS_FLOOR),
        Row("`analyse` / plancher (temps CPU)", _cpu_ratios(analyse, floor), "×"),
        Row("`inbox --once` / `analyse` (durée)", [b.wall / a.wall for a, b in zip(analyse, inbox)],
            "×", f"≤ {TARGET_INBOX:.2f}×".replace(".", ","),
            statistics.median(b.wall / a.wall for a, b in zip(analyse, inbox)) <= TARGET_INBOX
            if inbox else None),
        Row("`inbox --once` / `analyse` (temps CPU)", _cpu_ratios(inbox, analyse), "×"),
        Row("`inbox --once` sur une boîte vide (s, coût fixe)", [r.wall for r in runs["inbox à vide"]]),
        Row("flux de la boîte servi (serveur et processus déjà prêts) / `analyse` (durée)",
            [f / a.wall for a, f in zip(analyse, served)], "×", f"≤ {TARGET_INBOX:.2f}×".replace(".", ","),
            statistics.median(f / a.wall for a, f in zip(analyse, served)) <= TARGET_INBOX
            if served else None),
        *(Row(f"s CPU par dossier : {k}", v) for k, v in cpu.items() if v),
        Row(f"RSS max d'un processus de travail, N={n} (Mo)", [r.worker_mb for r in analyse], "",
            f"≤ {TARGET_RSS_MB}", rss100 <= TARGET_RSS_MB),
        Row(f"RSS max du processus parent, N={n} (Mo)", [r.parent_mb for r in analyse]),
    ]
    if big:
        rows += [
            Row("RSS max d'un processus de travail, N=1000 (Mo)", [big.worker_mb], "",
                f"≤ {TARGET_RSS_MB}, plat", big.worker_mb <= min(TARGET_RSS_MB, 1.1 * rss100)),
            Row("RSS max du processus parent, N=1000 (Mo)", [big.parent_mb]),
            Row("`analyse` : dossiers/s, N=1000", [1000 / big.wall]),
        ]
    rows += [
        Row("un fichier à froid (s, cache disque vidé)", [c for c, _ in cold], "",
            f"≤ {TARGET_COLD_S:g}", statistics.median(c for c, _ in cold) <= TARGET_COLD_S),
        Row("un fichier, nouveau processus (s, cache disque chaud)", [w for _, w in cold]),
        Row("OCR : s/page (lecture des numérisations, 1 processus)", ocr),
    ]
    print_table(rows)
    if inbox:
        print(f"\nprocessus vus sous `inbox` : jusqu'à {max(r.workers for r in inbox)} ; "
              f"RSS max parent {max(r.parent_mb for r in inbox):.0f} Mo, "
              f"descendants {max(r.worker_mb for r in inbox):.0f} Mo")
    elif not with_inbox:
        print("\n`expe-ct inbox --once` indisponible : flux de la boîte de dépôt non mesuré")
    print(f"RSS maximal de l'arbre selon /usr/bin/time (analyse, N={n}) : "
          + ", ".join(f"{r.tree_mb:.0f} Mo" for r in analyse if r.tree_mb))
    if args.profile:
        profile(paths[:args.profile])   # after the table: its reads warm the cache again


def inbox_only(args) -> None:
    """The inbox flow against `analyse` on the same N submissions, alone:
    the issue's figure (N=200), quicker than the whole bench."""
    corpus = corpus_builder.build(args.n, scans=args.scans, seed=args.seed)
    paths = corpus.paths() + corpus.paths(scan=True)
    print(f"{args.n} soumissions texte et {args.scans} numérisées ({corpus.pages(scan=True)} pages)",
          flush=True)
    template = prepare_home(args.jobs)
    n = len(paths)
    analyse, inbox, served, floor = [], [], [], []
    for rep in range(1, args.repeat + 1):
        load = os.getloadavg()[0]
        analyse.append(run_analyse(paths, args.jobs))
        inbox.append(run_inbox(paths, args.jobs, template))
        served.append(run_warm_flow(paths, template))
        floor.append(run_prefect_floor(n, template))
        print(f"passe {rep} (charge {load:.1f}) : analyse {analyse[-1].wall:.1f} s, "
              f"inbox --once {inbox[-1].wall:.1f} s, flux servi {served[-1]['flow_s']:.1f} s, "
              f"Prefect seul {floor[-1]['main_ms_per_task'] + floor[-1]['server_ms_per_task']:.1f} "
              "ms CPU par tâche", flush=True)
    shutil.rmtree(WORK, ignore_errors=True)
    prefect_ms = [f["main_ms_per_task"] + f["server_ms_per_task"] for f in floor]
    print_table([
        Row(f"`analyse` : dossiers/s (N={n})", [n / r.wall for r in analyse]),
        Row("`analyse` : ms CPU par dossier (tout l'arbre de processus)",
            [1000 * r.cpu / n for r in analyse if r.cpu]),
        _target_row("`inbox --once` / `analyse` (durée)", [b.wall / a.wall for a, b in zip(analyse, inbox)]),
        Row("`inbox --once` / `analyse` (temps CPU)", _cpu_ratios(inbox, analyse), "×"),
        _target_row("flux servi / `analyse` (durée)", [f["flow_s"] / a.wall for a, f in zip(analyse, served)]),
        Row("flux servi : ms CPU par dossier du processus (moteur Prefect, dépôt)",
            [1000 * f["main_cpu_s"] / n for f in served]),
        Row("flux servi : ms CPU par dossier du serveur Prefect", [1000 * f["server_cpu_s"] / n for f in served]),
        Row("Prefect seul : ms CPU par tâche vide, moteur + serveur", prefect_ms),
        Row("dont serveur (événements, exécutions et états écrits dans SQLite)",
            [f["server_ms_per_task"] for f in floor]),
        Row("Prefect seul / CPU d'`analyse` (surcoût minimal d'une tâche par dossier)",
            [ms * n / 1000 / a.cpu for ms, a in zip(prefect_ms, analyse) if a.cpu], "×"),
    ])


def _target_row(label: str, ratios: list[float]) -> Row:
    return Row(label, ratios, "×", f"≤ {TARGET_INBOX:.2f}×".replace(".", ","),
               statistics.median(ratios) <= TARGET_INBOX if ratios else None)


def _cpu_ratios(num: list[Run], den: list[Run]) -> list[float]:
    """CPU time ratios, pass by pass: less sensitive than durations to what
    else runs on the machine."""
    return [a.cpu / b.cpu for a, b in zip(num, den) if a.cpu and b.cpu]


def _typical_pdf(corpus: corpus_builder.Corpus) -> str:
    """The text PDF with the median page count."""
    pdfs = sorted((e for e in corpus.entries if e.format == "pdf" and not e.scan),
                  key=lambda e: e.pages)
    return str(corpus.folder / pdfs[len(pdfs) // 2].file)


if __name__ == "__main__":
    main()
