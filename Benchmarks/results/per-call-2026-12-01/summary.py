"""Q1-Q3 at 1M: PaperQL (paperql-bench, several processes) beside SQLite (baseline.py, several
processes), medians of each process's medians.  python3 summary.py [FOLDER]"""
import json,glob,os,statistics,collections,sys
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
def load(pattern, sqlite):
    d=collections.defaultdict(list); rows={}
    for f in sorted(glob.glob(pattern)):
        j=json.load(open(f))
        if sqlite:
            cases=(j['engines']['sqlite'] if 'engines' in j else j)['cases']
            for c in cases:
                d[(c['q'],c['probe'])].append(c['median_ms']*1000); rows[(c['q'],c['probe'])]=c['rows']
        else:
            for q in j['queries']:
                d[(q['query'],q['level'])].append(q['median_ms']*1000); rows[(q['query'],q['level'])]=q['rows']
    return d,rows
new,nr=load(folder + '/paperql-[0-9]*.json',False)
old,_=load(folder + '/paperql-old-*.json',False)
sq,sr=load(folder + '/sqlite-*.json',True)
print(f"PaperQL runs: {len(next(iter(new.values())))}, SQLite runs: {len(next(iter(sq.values())))}, old-path runs: {len(next(iter(old.values())))}")
print("| query | PaperQL µs, median of runs (range) | SQLite µs, median of runs (range) | SQLite ÷ PaperQL | old path µs | rows (PaperQL / SQLite) |")
print("|---|---|---|---|---|---|")
for k in sorted(new):
    if k not in sq: continue
    n=new[k]; s=sq[k]; o=old.get(k,[])
    mn=statistics.median(n); ms=statistics.median(s)
    print(f"| {k[0]} {k[1]} | {mn:.2f} ({min(n):.2f}–{max(n):.2f}) | {ms:.1f} ({min(s):.1f}–{max(s):.1f}) | **{ms/mn:.1f}×** | {statistics.median(o):.2f} ({ms/statistics.median(o):.1f}×) | {nr[k]} / {sr[k]} |")
q0=sq[('Q0','-')]
print(f"SQLite SELECT 1: {statistics.median(q0):.1f} µs ({min(q0):.1f}–{max(q0):.1f})")
