"""Time for `kg export html` pages to become stable (layout frozen) in headless Chromium.

Either synthetic graphs of the schema's shape (60% papers, heavy-tailed entity
popularity; tests/export/export_graphs.py) at several sizes, or a real graph store
(``--graph``) cut to its N most important nodes by ``kg export html``'s own cap
(``--max-nodes N``) for each size; each page is opened from disk in Debian's
chromium; prints one row per size.

    python benchmarks/html_stabilize.py                 # synthetic: 200, 2000, 10000 nodes
    python benchmarks/html_stabilize.py --sizes 2000 --repeat 3
    python benchmarks/html_stabilize.py --graph kg-data/graph.json.gz --sizes 200,2000,10000
    python benchmarks/html_stabilize.py --graph kg-data/graph.json.gz --sizes 0   # the whole graph, no cap
    python benchmarks/html_stabilize.py --graph kg-data/graph.json.gz --screenshot docs/screenshot.png

Columns: source (synthetic / real), nodes, edges, file MB, Python write seconds, ms until the vis network
object exists (data parsed, tooltips built), ms until stabilizationIterationsDone
(physics then switched off, labels placed), both from the start of the page's
script, wall-clock seconds from navigation to frozen layout, and the CPU seconds
all chromium processes used in that time (the machine's load barely changes
this figure, while it can stretch the wall-clock ones several times).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "export")]

from export_graphs import synthetic_graph  # noqa: E402

from kg.export.html import write_html  # noqa: E402


def _driver(profile: str | None = None):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", f"--user-data-dir={profile or tempfile.mkdtemp(prefix='kg-bench-')}",
                "--window-size=1400,900"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def browser_cpu(driver) -> float:
    """CPU seconds used so far by every chromium process under this chromedriver."""
    import psutil

    total = 0.0
    for p in psutil.Process(driver.service.process.pid).children(recursive=True):
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def measure(driver, path: Path, timeout: float = 300.0) -> tuple[dict, float, float]:
    """Open ``path``; return the page's ``kg.state``, wall seconds and browser CPU seconds to a frozen layout."""
    driver.get("about:blank")
    cpu = browser_cpu(driver)
    t = time.perf_counter()
    driver.get(path.resolve().as_uri())
    while time.perf_counter() - t < timeout:
        state = driver.execute_script("return window.kg ? window.kg.state : null")
        if state and state["stable"]:
            return state, time.perf_counter() - t, browser_cpu(driver) - cpu
        time.sleep(0.02)
    raise RuntimeError(f"{path} not stable after {timeout}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=None,
                    help="node counts (default 200,2000,10000; with --graph: caps, 0 = whole graph; default 0)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--graph", help="measure a real graph (kg-data/graph.json.gz) instead of synthetic ones")
    ap.add_argument("--screenshot", help="save a PNG of the last page once its layout is frozen")
    ap.add_argument("--title", default="Knowledge graph", help="page heading")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="kg-html-bench-")
    out = Path(tmp.name)
    if args.graph:
        from kg.graph import load_graph
        G = load_graph(args.graph)
        print(f"{args.graph}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges", flush=True)
        cases = [("real", G, int(n)) for n in (args.sizes or "0").split(",")]
    else:
        cases = [("synthetic", synthetic_graph(int(n), seed=0), 0) for n in (args.sizes or "200,2000,10000").split(",")]
    driver = _driver(str(out / "profile"))
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    print(f"{'source':>9} {'nodes':>7} {'edges':>7} {'file MB':>8} {'write s':>8} {'built ms':>9} {'stable ms':>10} "
          f"{'wall s':>7} {'CPU s':>6}")
    notices = []
    try:
        for i, (name, G, cap) in enumerate(cases):
            path = out / f"graph-{i}.html"
            t = time.perf_counter()
            res = write_html(G, path, max_nodes=cap, heading=args.title)
            write_s = time.perf_counter() - t
            runs = [measure(driver, path) for _ in range(args.repeat)]
            built = statistics.median(s["constructedMs"] for s, _, _ in runs)
            stable = statistics.median(s["stabilizeMs"] for s, _, _ in runs)
            wall = statistics.median(w for _, w, _ in runs)
            cpu = statistics.median(c for _, _, c in runs)
            print(f"{name:>9} {res.nodes:>7} {res.edges:>7} {res.bytes / 1e6:>8.1f} {write_s:>8.2f} {built:>9.0f} "
                  f"{stable:>10.0f} {wall:>7.2f} {cpu:>6.2f}", flush=True)
            if res.notice:
                notices.append(res.notice)
        if args.screenshot:
            driver.execute_script(  # pin the details of the biggest non-paper node in the side panel
                "var n = kg.nodes.get({filter: function (n) { return n.kgLabel !== 'Paper'; }})"
                ".sort(function (a, b) { return b.value - a.value; })[0];"
                "if (n) { kg.network.selectNodes([n.id]); kg.showInfo(kg.tipOf(n.id)); }")
            time.sleep(0.5)  # let the final frame paint
            driver.save_screenshot(args.screenshot)
    finally:
        driver.quit()
        tmp.cleanup()
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for n in notices:
        print(f"notice: {n}")


if __name__ == "__main__":
    main()
