#!/usr/bin/env python3
"""Growth table (Markdown) and plot (SVG, no plotting library needed) from paperql-bench results.

    python3 Benchmarks/plot_growth.py $BENCH_DATA/paperql-dblp-*.json \
        --markdown Benchmarks/dblp-growth.md --svg Benchmarks/dblp-growth.svg

Each input is one paperql-bench JSON (scripts/bench-dblp.sh adds time -v's peak RSS and the input
size). Rows are sorted by papers; the growth column compares the largest run with the smallest.
"""
import argparse
import json
import math

FIGURES = [
    # key, label, unit, scale
    ("load_jsonl_s", "import (wall)", "s", 1),
    ("load_cpu_s", "import (CPU, user+sys)", "s", 1),
    ("time_v_max_rss_mb", "peak RSS, whole run (time -v)", "MiB", 1),
    ("peak_rss_jsonl_load_mb", "peak RSS while importing", "MiB", 1),
    ("rss_after_jsonl_load_mb", "RSS once built", "MiB", 1),
    ("snapshot_write_s", "write the snapshot", "s", 1),
    ("snapshot_load_s", "load the snapshot", "s", 1),
    ("snapshot_bytes", "snapshot size", "MiB", 1 / 1048576),
    ("input_bytes", "input size", "MiB", 1 / 1048576),
]


def value(result, key, scale):
    found = result.get(key)
    if found is None and key == "snapshot_load_s":
        loads = result.get("snapshot_load_runs_s") or []
        found = sorted(loads)[len(loads) // 2] if loads else None
    return None if found is None else found * scale


def query(result, name, level):
    for entry in result.get("queries", []):
        if entry["query"] == name and entry["level"] == level:
            return entry["median_ms"]
    return None


def fmt(number):
    if number is None:
        return "—"
    if number >= 100:
        return f"{number:,.0f}"
    if number >= 1:
        return f"{number:.2f}"
    return f"{number:.3f}"


def markdown(results):
    sizes = [r["papers"] for r in results]
    header = "| figure | " + " | ".join(f"{n:,} records" for n in sizes) + " | growth |"
    lines = [header, "|---|" + "---|" * len(sizes) + "---|"]
    for key, label, unit, scale in FIGURES:
        values = [value(r, key, scale) for r in results]
        growth = f"{values[-1] / values[0]:.1f}×" if values[0] and values[-1] else "—"
        lines.append(f"| {label} ({unit}) | " + " | ".join(fmt(v) for v in values) + f" | {growth} |")
    for name, level in [("Q1", "top"), ("Q1", "median"), ("Q2", "top"), ("Q3", "top"), ("Q4", "common"),
                        ("Q4", "rare"), ("Q5", "top"), ("Q6", "top"), ("Q7", "top-median"), ("Q8", "all")]:
        values = [query(r, name, level) for r in results]
        if all(v is None for v in values):
            continue
        growth = f"{values[-1] / values[0]:.1f}×" if values[0] and values[-1] else "—"
        lines.append(f"| {name} {level} (ms) | " + " | ".join(fmt(v) for v in values) + f" | {growth} |")
    lines.append("| papers in the graph | " + " | ".join(f"{r['papers']:,}" for r in results) + " | |")
    lines.append("| authors | " + " | ".join(f"{r.get('authors', 0):,}" for r in results) + " | |")
    return "\n".join(lines) + "\n"


def svg(results):
    """Four panels, log-log: import time, peak RSS, snapshot size, snapshot load, against records."""
    panels = [("import (wall s) and CPU s", ["load_jsonl_s", "load_cpu_s"], 1),
              ("peak RSS and RSS once built (MiB)", ["time_v_max_rss_mb", "rss_after_jsonl_load_mb"], 1),
              ("snapshot size (MiB)", ["snapshot_bytes"], 1 / 1048576),
              ("snapshot load (s)", ["snapshot_load_s"], 1)]
    colors = ["#1f77b4", "#d62728"]
    width, height, pad = 360, 240, 48
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width}" height="{2 * height}" '
             'font-family="sans-serif" font-size="11">', '<rect width="100%" height="100%" fill="white"/>']
    xs = [r["papers"] for r in results]
    for index, (title, keys, scale) in enumerate(panels):
        ox, oy = (index % 2) * width, (index // 2) * height
        series = [[value(r, key, scale) for r in results] for key in keys]
        points = [v for s in series for v in s if v]
        if not points:
            continue
        ylo, yhi = math.log10(min(points)) - 0.1, math.log10(max(points)) + 0.1
        xlo, xhi = math.log10(min(xs)) - 0.1, math.log10(max(xs)) + 0.1

        def at(x, y):
            px = ox + pad + (math.log10(x) - xlo) / (xhi - xlo) * (width - 1.5 * pad)
            py = oy + height - pad + -(math.log10(y) - ylo) / (yhi - ylo) * (height - 1.8 * pad)
            return px, py
        parts.append(f'<text x="{ox + width / 2}" y="{oy + 16}" text-anchor="middle" font-weight="bold">{title}</text>')
        parts.append(f'<line x1="{ox + pad}" y1="{oy + height - pad}" x2="{ox + width - pad / 2}" y2="{oy + height - pad}" stroke="black"/>')
        parts.append(f'<line x1="{ox + pad}" y1="{oy + pad * 0.8}" x2="{ox + pad}" y2="{oy + height - pad}" stroke="black"/>')
        for x in xs:
            px, _ = at(x, 10 ** ylo)
            label = f"{x / 1e6:g}M" if x >= 1e6 else f"{x / 1e3:g}k"
            parts.append(f'<text x="{px}" y="{oy + height - pad + 14}" text-anchor="middle">{label}</text>')
        for s_index, values in enumerate(series):
            coords = [at(x, v) for x, v in zip(xs, values) if v]
            if not coords:
                continue
            parts.append('<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(
                colors[s_index], " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)))
            for (x, y), v in zip(coords, [v for v in values if v]):
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colors[s_index]}"/>')
                parts.append(f'<text x="{x + 4:.1f}" y="{y - 5:.1f}" fill="{colors[s_index]}">{fmt(v)}</text>')
        parts.append(f'<text x="{ox + pad}" y="{oy + height - 8}">records (log scale); y log scale</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", nargs="+")
    parser.add_argument("--markdown")
    parser.add_argument("--svg")
    arguments = parser.parse_args()
    results = sorted((json.load(open(path)) for path in arguments.results), key=lambda r: r["papers"])
    table = markdown(results)
    if arguments.markdown:
        open(arguments.markdown, "w").write(table)
    else:
        print(table)
    if arguments.svg:
        open(arguments.svg, "w").write(svg(results))


if __name__ == "__main__":
    main()
