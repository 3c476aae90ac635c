"""Extraction at scale: words/s, papers/s end to end and peak RSS, single process vs --processes vs Dask.

For each size N (first N records of an arXiv-style JSONL(.gz), default the 157k
arXiv file in ../shared/data, copied to a temporary JSONL first, untimed) and each
mode, one fresh subprocess:

- reads the N papers once to count words (this read time is subtracted below);
- ``blank``: bare ``spacy.blank("en")`` tokenisation of title + abstract (the yardstick);
- ``single`` / ``processes:K`` / ``dask:local:K``: the real ``kg build`` path,
  ``kg.pipeline.build([file], processes=K | dask=...)``: read, extract with the real
  ``kg.extract`` pipeline, resolve, build and save the graph store. The time spent
  inside the extraction iterator is recorded while the build runs.

Columns: size, mode, words, extract s (read excluded), words/s of extraction,
ratio to blank tokenisation in the same run, end-to-end s (the whole build:
read + extract + resolve + graph + save), papers/s end to end, peak RSS MB (the
process and all its children, sampled every 50 ms with psutil).

    python benchmarks/scale.py --sizes 1000
    nice -n 10 python benchmarks/scale.py --sizes 1000,10000,156972 --modes blank,single,processes:2,dask:local:2
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "arxiv" / "arxiv-cs-2024-2026.jsonl.gz"


class PeakRSS(threading.Thread):
    """Samples RSS of this process plus all children until stopped."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        import psutil  # noqa: PLC0415

        self.proc, self.psutil, self.interval = psutil.Process(), psutil, interval
        self.peak, self._done = 0, threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            total = 0
            try:
                for p in [self.proc, *self.proc.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except self.psutil.Error:
                        pass
            except self.psutil.Error:
                pass
            self.peak = max(self.peak, total)
            self._done.wait(self.interval)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


def papers(path: Path, n: int):
    from kg.pipeline import read_papers  # noqa: PLC0415

    return itertools.islice(read_papers([str(path)]), n)


def head(path: Path, n: int, out: Path) -> Path:
    """The first ``n`` records of a JSONL(.gz) file, as a plain JSONL file."""
    import gzip  # noqa: PLC0415

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in itertools.islice(src, n):
            dst.write(line)
    return out


class Timed:
    """Wraps an iterator; adds the time spent producing each item to ``seconds``."""

    def __init__(self, it) -> None:
        self.it, self.seconds = iter(it), 0.0

    def __iter__(self):
        return self

    def __next__(self):
        t = time.perf_counter()
        try:
            return next(self.it)
        finally:
            self.seconds += time.perf_counter() - t


def row(path: Path, n: int, mode: str, partition_size: int, blank_sample: int = 0) -> dict:
    """One measurement (run in a fresh process): a real ``kg.pipeline.build`` of the first ``n`` papers."""
    import spacy  # noqa: PLC0415, F401 - imported before the clocks start, in every mode

    import kg.pipeline as pipeline  # noqa: PLC0415

    if mode == "blank" and blank_sample:
        n = min(n, blank_sample)
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as d:
        src = head(path, n, Path(d) / "input.jsonl")
        mon = PeakRSS()
        mon.start()
        t0 = time.perf_counter()
        count = words = 0
        for p in papers(src, n):
            count += 1
            words += len(p.title.split()) + len(p.abstract.split())
        t_read = time.perf_counter() - t0
        out = {"size": count, "mode": mode, "words": words, "read_s": t_read}
        t0 = time.perf_counter()
        if mode == "blank":
            nlp = spacy.blank("en")
            tokens = sum(len(doc) for doc in nlp.pipe(f"{p.title}\n{p.abstract}" for p in papers(src, n)))
            out["extract_s"] = time.perf_counter() - t0 - t_read
            out["tokens"] = tokens
        else:
            kw: dict = {"partition_size": partition_size}
            if mode.startswith("processes:"):
                kw["processes"] = int(mode.split(":")[1])
            elif mode.startswith("dask:"):
                kw["dask"] = mode.removeprefix("dask:")
            timers: list[Timed] = []
            real_extract = pipeline._extract

            def timed_extract(*args, **kwargs):  # time spent reading + extracting, inside build()
                timers.append(Timed(real_extract(*args, **kwargs)))
                return timers[-1]

            pipeline._extract = timed_extract
            try:
                summary = pipeline.build([str(src)], graph_path=str(Path(d) / "graph.json.gz"), **kw)
            finally:
                pipeline._extract = real_extract
            out["e2e_s"] = time.perf_counter() - t0
            out["extract_s"] = max(sum(t.seconds for t in timers) - t_read, 1e-9)
            out["nodes"], out["edges"] = summary.nodes, summary.edges
        out["peak_rss_mb"] = mon.stop() / 2**20
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=DEFAULT)
    ap.add_argument("--sizes", default="1000,10000,156972")
    ap.add_argument("--modes", default="blank,single,processes:2,dask:local:2")
    ap.add_argument("--partition-size", type=int, default=500,
                    help="papers per Dask partition / process-pool chunk (at most 256 for the pool)")
    ap.add_argument("--blank-sample", type=int, default=0,
                    help="the blank row tokenises only the first N papers (its words/s is the yardstick; 0 = all)")
    ap.add_argument("--json", type=Path, default=None, help="also append each row as JSON to this file")
    ap.add_argument("--row", nargs=2, metavar=("SIZE", "MODE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.row:
        print(json.dumps(row(a.input, int(a.row[0]), a.row[1], a.partition_size, a.blank_sample)))
        return
    if not a.input.exists():
        sys.exit(f"{a.input} is missing: pass --input FILE.jsonl(.gz)")
    head = f"{'size':>7} {'mode':<14} {'words':>10} {'extract s':>9} {'words/s':>9} {'x blank':>8} " \
           f"{'e2e s':>8} {'papers/s':>8} {'peak MB':>8}"
    print(head, flush=True)
    for size in (int(s) for s in a.sizes.split(",")):
        blank = None
        for mode in a.modes.split(","):
            p = subprocess.run([sys.executable, __file__, "--input", str(a.input), "--partition-size",
                                str(a.partition_size), "--blank-sample", str(a.blank_sample), "--row", str(size), mode],
                               capture_output=True, text=True, cwd=ROOT)
            if p.returncode != 0:
                print(f"{size:>7} {mode:<14} FAILED: {p.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            r = json.loads(p.stdout.strip().splitlines()[-1])
            wps = r["words"] / r["extract_s"]
            if mode == "blank":
                blank = wps
            ratio = f"{wps / blank:8.3f}" if blank else f"{'-':>8}"
            e2e = f"{r['e2e_s']:8.1f} {r['size'] / r['e2e_s']:8.1f}" if "e2e_s" in r else f"{'-':>8} {'-':>8}"
            print(f"{r['size']:>7} {mode:<14} {r['words']:>10} {r['extract_s']:9.1f} {wps:9.0f} {ratio} {e2e} "
                  f"{r['peak_rss_mb']:8.0f}", flush=True)
            if a.json:
                with open(a.json, "a", encoding="utf-8") as f:
                    f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
