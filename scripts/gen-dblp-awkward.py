#!/usr/bin/env python3
"""DBLP XML full of awkward records, for checking that two PaperQL binaries import it alike
(scripts/same-import.sh): titles ending in ".", "..", a period after a prepended mark (U+0600)
or a combining accent; years with spaces, signs, letters; months; ORCIDs, empty ORCIDs;
homonym numbers; DOI and arXiv links in any case, with ".pdf" and versions; CoRR volumes;
schools; person records with repeated names; records without key or title; markup inside
titles; and a record with two fields over the 1 MB limit (a warning inside a record).
    scripts/gen-dblp-awkward.py OUT.xml [RECORDS]
"""
import random
import sys
r=random.Random(7)
titles=["Plain title.","Ends with two..","Ends with none","Café.","Naïve é.", "\u0600.", "\u0600..", "a\u0600..", "x\u0301.", ".", "  spaced   out\n title .", "Tab\ttitle.", "Ünïcode wörds …", "Title with &amp; entity.", "e\u0301."]
years=["2001"," 1999 ","abcd","99999","0002020","+2010","2020\n","",  "3000", "1000"]
links=["https://doi.org/10.1000/{i}","https://dx.doi.org/10.5555/X{i}","http://arxiv.org/abs/2101.{i:05d}","https://ARXIV.org/pdf/2101.{i:05d}v2.pdf","https://arxiv.org/abs/hep-th/99{i:05d}","https://example.org/{i}","doi.org/ 10.1/x","https://arxiv.org/abs/ 2101.00001, x","https://arxiv.org/abs/2101.1234\u00e9"]
names=["Wei Wang 0001","Wei Wang","Jörg Müller 0002","  Anna   Lee ","Ana  0003","Bob 000x","X 0001","Zoë Ångström","","李 明 0004"]
out=['<?xml version="1.0" encoding="UTF-8"?>','<!DOCTYPE dblp SYSTEM "dblp.dtd">','<dblp>']
def esc(s): return s.replace("&","&amp;").replace("<","&lt;") if "&amp;" not in s else s
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 20000):
    el=r.choice(["article","inproceedings","proceedings","book","incollection","phdthesis","mastersthesis","article"])
    attrs=''
    if r.random()>0.02: attrs+=f' key="k/{i}"'
    if r.random()<0.1: attrs+=' publtype="informal"'
    f=[]
    for _ in range(r.randint(0,4)):
        o=f' orcid="0000-0001-{i%10000:04d}-000{r.randint(0,9)}"' if r.random()<0.2 else (' orcid=""' if r.random()<0.05 else '')
        f.append(f'<author{o}>{esc(r.choice(names))}</author>')
    if r.random()<0.05: f.append('<editor>Ed Itor</editor>')
    if r.random()>0.02: f.append(f'<title>{esc(r.choice(titles))}</title>')
    if r.random()<0.02: f.append(f'<title>Second title.</title>')
    if r.random()<0.9: f.append(f'<year>{r.choice(years) if r.random()<0.1 else str(1990+i%30)}</year>')
    if r.random()<0.1: f.append(f'<month>{r.choice(["March","3","13","dec","  "])}</month>')
    if el=="article": f.append(f'<journal>{r.choice(["CoRR","J. X","  J.  Y  "])}</journal>')
    if el=="inproceedings": f.append(f'<booktitle>Conf {i%50}</booktitle>')
    if r.random()<0.3: f.append(f'<volume>{r.choice(["abs/2101.%05d"%i,"12","abs/1234.5678v3"])}</volume>')
    for _ in range(r.randint(0,3)): f.append(f'<ee>{esc(r.choice(links).format(i=i))}</ee>')
    if el in("phdthesis","mastersthesis"): f.append(f'<school>Univ {i%7}</school><school>  </school>')
    if r.random()<0.02: f.append('<title><i>Marked</i> up <sub>x</sub>.</title>')
    if i==7777: f.append('<note>'+'y'*1100000+'</note><author>'+'z'*1100000+'</author>')
    r.shuffle(f)
    out.append(f'<{el}{attrs} mdate="2020-01-01">'+''.join(f)+f'</{el}>')
    if i%997==0:
        out.append(f'<www key="homepages/{i}"><author>{esc(r.choice(names))}</author><author>Alias {i}</author><author>Alias {i}</author><title>Home Page</title></www>')
    if i%1500==0: out.append(f'<www key="other/{i}"><author>Not a person</author></www>')
    if i%3000==0: out.append('<person key="x"><author>skip</author></person>')
out.append('</dblp>')
open(sys.argv[1],'w').write('\n'.join(out)+'\n')
