#!/usr/bin/env python3
"""Deterministic DBLP-shaped XML (dblp.xml's structure) at any size, for import benchmarks.

    python3 scripts/gen-dblp.py --records 1000000 --seed 42 --out $BENCH_DATA/dblp_1m.xml

Like the real file: ISO-8859-1 declared, a DOCTYPE naming dblp.dtd, non-ASCII letters written as
the DTD's entities (&uuml;, &eacute;, ...), one element per record under <dblp> -- article
(about a tenth of them CoRR preprints with an arXiv link), inproceedings, proceedings (editors,
not authors), incollection, book, phdthesis -- with mdate and key attributes, homonym numbers on
common names ("Wei Wang 0003"), an ORCID on some authors, ee links (DOI or arXiv), pages, url;
and a <www> person record every twentieth record (skipped by importers, as in the real file).
About 3% of authorship rows write a name with a middle initial the author's other papers lack.

Authors: a pool of records/2 people; who writes a paper is drawn with a heavy tail (a few
authors on thousands of papers, most on one or two), teams of 1-12 (mean ~3.2). Years 1970-2025,
growing. The size is about 330 bytes a record (1M records: ~330 MB).
Also writes FILE.probes.json (FILE without .xml) in gen_corpus.py's shape -- top / median / tail
authors, top / median venue, word pairs, since_year -- so paperql-bench runs Q1-Q8 on it.
"""
import argparse
import html
import json
import random
import sys
import time

FIRST = ("Wei Li Yang Jun Hui Ming Xin Yu Jing Lei Anna Maria John David Michael Thomas Peter Paul "
         "Daniel Martin Andreas Stefan Laura Sarah Julia Elena Hiroshi Takeshi Yuki Kenji Raj Amit "
         "Priya Sanjay Ahmed Mohamed Fatima Omar Carlos Jose Juan Luis Ana Pedro Ivan Olga Sergei "
         "Natalia Pierre Sophie Jean Marc Giulia Marco Luca Francesca Lars Erik Ingrid Anders Kim "
         "Min-Jun Seo-yeon Ji-ho Minh Thanh Linh Chen Xiaoming Jian Feng Tao Bo Qiang Hao Yi").split()
# Names with letters outside ASCII, as DBLP's entities.
FIRST_ACCENTED = ["J&uuml;rgen", "J&ouml;rg", "Ren&eacute;", "Andr&eacute;", "Fran&ccedil;ois", "Jos&eacute;",
                  "S&oslash;ren", "&Aring;sa", "Bj&ouml;rn", "Zo&euml;", "In&eacute;s", "Ma&iuml;a"]
LAST = ("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Smith "
        "Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
        "Wilson Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark Lewis Robinson "
        "Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts "
        "Kumar Singh Sharma Gupta Patel Das Tanaka Suzuki Takahashi Watanabe Ito Nakamura Kobayashi "
        "Kim Park Choi Jung Kang Nguyen Tran Le Pham Schmidt Schneider Fischer Weber Meyer Wagner "
        "Becker Schulz Hoffmann Koch Rossi Russo Ferrari Esposito Bianchi Romano Colombo Dubois "
        "Durand Lefebvre Moreau Laurent Ivanov Petrov Smirnov Kuznetsov Popov Novak Horvat Kowalski "
        "Nowak Jensen Nielsen Hansen Larsen Andersen Johansson Karlsson Nilsson Eriksson Silva Santos "
        "Oliveira Souza Pereira Costa Ferreira Almeida").split()
LAST_ACCENTED = ["M&uuml;ller", "Sch&auml;fer", "G&ouml;del", "J&auml;ger", "Ag&uuml;ero", "Pe&ntilde;a",
                 "Mu&ntilde;oz", "Dvo&#345;&aacute;k", "&Ouml;zt&uuml;rk", "Y&#305;lmaz", "Ch&aacute;vez", "Gonz&aacute;lez"]
WORDS = ("learning neural network deep model training data language graph attention transformer "
         "reinforcement policy optimization gradient stochastic convergence representation embedding "
         "image vision video detection segmentation classification retrieval recommendation generative "
         "adversarial diffusion bayesian inference probabilistic robust privacy federated distributed "
         "efficient scalable sparse pruning quantization compression distillation knowledge pretraining "
         "prompt alignment evaluation benchmark dataset transfer domain adaptation causal fairness "
         "interpretability kernel gaussian sampling markov bandit online continual contrastive "
         "supervised label noisy speech text translation summarization question answering dialogue "
         "reasoning planning control robotics navigation forecasting temporal spatial geometric "
         "database query index transaction storage consistency replication consensus protocol wireless "
         "sensor scheduling compiler verification type program analysis software testing security "
         "cryptography blockchain cloud edge energy circuit hardware parallel algorithm complexity "
         "approximation bounds logic automata semantics formal theory system systems approach method "
         "framework analysis study design towards via using based efficient novel improved").split()
VENUE_WORDS = ("Data Learning Systems Networks Vision Language Computing Software Security Databases "
               "Intelligence Robotics Graphics Theory Algorithms Information Knowledge Web Mining").split()


def venues(rng, count):
    journals, conferences = [], []
    for index in range(count):
        a, b = rng.sample(VENUE_WORDS, 2)
        journals.append((f"J. {a} {b} Res.", f"j{a[:2].lower()}{b[:2].lower()}{index}"))
        conferences.append((f"{a[:2].upper()}{b[:2].upper()}{index}", f"c{a[:2].lower()}{b[:2].lower()}{index}"))
    return journals, conferences


class People:
    """A pool of people: a name each (common names numbered like DBLP's homonyms)."""

    def __init__(self, rng, count):
        self.names = []
        self.orcid = []
        seen = {}
        for index in range(count):
            first = rng.choice(FIRST_ACCENTED) if rng.random() < 0.04 else rng.choice(FIRST)
            last = rng.choice(LAST_ACCENTED) if rng.random() < 0.04 else rng.choice(LAST)
            if rng.random() < 0.15:
                first = f"{first} {chr(65 + rng.randrange(26))}."
            name = f"{first} {last}"
            number = seen.get(name, 0) + 1
            seen[name] = number
            # The first holder of a name keeps it bare; later ones get DBLP's four-digit number.
            self.names.append(name if number == 1 else f"{name} {number - 1:04d}")
            self.orcid.append(f"0000-000{rng.randrange(10)}-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"
                              if rng.random() < 0.1 else None)


def generate(records, seed, out):
    """Writes the XML; returns the probes."""
    rng = random.Random(seed)
    people = People(rng, max(10, records // 2))
    pool = len(people.names)
    journals, conferences = venues(rng, 400)
    write = out.write
    write('<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n')
    chunk = []
    started = time.time()
    papers_of = [0] * pool
    venue_papers = {}
    word_papers = {}
    for index in range(records):
        roll = rng.random()
        year = 1970 + int(56 * rng.random() ** 0.45)
        if year > 2025:
            year = 2025
        words = rng.sample(WORDS, 4 + rng.randrange(9))
        title = " ".join(words).capitalize()
        if year >= 2015:
            for word in words:
                word_papers[word] = word_papers.get(word, 0) + 1
        team = 1 + min(11, int(rng.expovariate(0.45)))
        authors = []
        for _ in range(team):
            # Heavy tail: a few people on many papers.
            person = int(pool * rng.random() ** 1.6)
            if roll < 0.95 or roll >= 0.965:  # proceedings list editors, not authors
                papers_of[person] += 1
            name = people.names[person]
            if rng.random() < 0.03 and "." not in name:
                parts = name.split(" ", 1)
                name = f"{parts[0]} {chr(65 + person % 26)}. {parts[1]}"
            orcid = people.orcid[person]
            authors.append(f'<author orcid="{orcid}">{name}</author>' if orcid else f"<author>{name}</author>")
        doi = f"https://doi.org/10.{1000 + index % 9000}/{index:x}"
        if roll < 0.45:
            if roll < 0.045:
                arxiv = f"{year % 100:02d}{1 + index % 12:02d}.{index % 100000:05d}"
                body = (f'<article mdate="2024-01-{1 + index % 28:02d}" key="journals/corr/abs-{arxiv}" publtype="informal">\n'
                        + "\n".join(authors) + f"\n<title>{title}.</title>\n<year>{year}</year>\n<volume>abs/{arxiv}</volume>\n"
                        f"<journal>CoRR</journal>\n<ee type=\"oa\">https://arxiv.org/abs/{arxiv}</ee>\n"
                        f"<url>db/journals/corr/corr{arxiv[:4]}.html#abs-{arxiv}</url>\n</article>\n")
            else:
                journal, short = journals[int(len(journals) * rng.random() ** 2)]
                venue_papers[journal] = venue_papers.get(journal, 0) + 1
                body = (f'<article mdate="2023-05-{1 + index % 28:02d}" key="journals/{short}/P{index}">\n'
                        + "\n".join(authors) + f"\n<title>{title}.</title>\n<pages>{index % 900 + 1}-{index % 900 + 12}</pages>\n"
                        f"<year>{year}</year>\n<volume>{year - 1960}</volume>\n<journal>{journal}</journal>\n"
                        f"<number>{1 + index % 12}</number>\n<ee>{doi}</ee>\n<url>db/journals/{short}/{short}{year - 1960}.html#P{index}</url>\n</article>\n")
        elif roll < 0.95:
            conference, short = conferences[int(len(conferences) * rng.random() ** 2)]
            venue_papers[conference] = venue_papers.get(conference, 0) + 1
            body = (f'<inproceedings mdate="2022-11-{1 + index % 28:02d}" key="conf/{short}/P{index}">\n'
                    + "\n".join(authors) + f"\n<title>{title}.</title>\n<pages>{index % 900 + 1}-{index % 900 + 10}</pages>\n"
                    f"<year>{year}</year>\n<booktitle>{conference}</booktitle>\n<ee>{doi}</ee>\n"
                    f"<crossref>conf/{short}/{year}</crossref>\n<url>db/conf/{short}/{short}{year}.html#P{index}</url>\n</inproceedings>\n")
        elif roll < 0.965:
            conference, short = conferences[index % len(conferences)]
            editors = "\n".join(a.replace("author", "editor") for a in authors[:3])
            body = (f'<proceedings mdate="2021-01-01" key="conf/{short}/{year}-{index}">\n{editors}\n'
                    f"<title>Proceedings of {conference} {year}.</title>\n<booktitle>{conference}</booktitle>\n"
                    f"<publisher>ACM</publisher>\n<year>{year}</year>\n<isbn>978-1-{index % 100000:05d}-000-0</isbn>\n"
                    f"<ee>{doi}</ee>\n<url>db/conf/{short}/{short}{year}.html</url>\n</proceedings>\n")
        elif roll < 0.98:
            body = (f'<incollection mdate="2020-02-02" key="reference/ref/P{index}" publtype="encyclopedia">\n'
                    + "\n".join(authors) + f"\n<title>{title}.</title>\n<pages>{index % 500}</pages>\n<year>{year}</year>\n"
                    f"<booktitle>Encyclopedia of {words[0].capitalize()}</booktitle>\n<ee>{doi}</ee>\n</incollection>\n")
        elif roll < 0.99:
            body = (f'<book mdate="2019-03-03" key="books/pub/P{index}">\n' + "\n".join(authors)
                    + f"\n<title>{title}.</title>\n<publisher>Springer</publisher>\n<year>{year}</year>\n<ee>{doi}</ee>\n</book>\n")
        else:
            body = (f'<phdthesis mdate="2018-04-04" key="phd/P{index}">\n{authors[0]}\n<title>{title}.</title>\n'
                    f"<school>University of {rng.choice(LAST)}</school>\n<year>{year}</year>\n<ee>{doi}</ee>\n</phdthesis>\n")
        chunk.append(body)
        if index % 20 == 19:
            person = rng.randrange(pool)
            chunk.append(f'<www mdate="2020-01-01" key="homepages/{person % 100}/{person}">\n'
                         f"<author>{people.names[person]}</author>\n<title>Home Page</title>\n</www>\n")
        if len(chunk) >= 20000:
            write("".join(chunk))
            chunk = []
            if index % 1000000 < 20000:
                print(f"  {index + 1:,} records, {time.time() - started:.0f} s", file=sys.stderr)
    write("".join(chunk))
    write("</dblp>\n")
    return probes(people, papers_of, venue_papers, word_papers, records, seed, time.time() - started)


def probes(people, papers_of, venue_papers, word_papers, records, seed, elapsed):
    """Probe authors (plain names, no homonym number), venues and word pairs for Q1-Q8."""
    ranked = sorted((count, -person) for person, count in enumerate(papers_of) if count > 0)
    ranked.reverse()
    def plain(position, step):
        while 0 <= position < len(ranked):
            count, person = ranked[position][0], -ranked[position][1]
            name = people.names[person]
            if "&" not in name and not name[-1].isdigit() and "." not in name:
                return {"name": name, "canonical_papers": count, "rank": position + 1}
            position += step
        return None
    median = len(ranked) // 2
    tail = plain(len(ranked) - 1, -1)
    venues = sorted(venue_papers.items(), key=lambda item: -item[1])
    words = sorted(word_papers.items(), key=lambda item: -item[1])
    middle = len(words) // 2
    return {
        "generator": "gen-dblp.py", "seed": seed, "papers": records,
        # At millions of records most plain names sit above the median (the rest carry homonym
        # numbers): look below it first, then above.
        "authors": {"top": plain(0, 1), "median": plain(median, 1) or plain(median, -1), "tail": tail,
                    "tail2": plain((tail["rank"] - 2) if tail else len(ranked) - 2, -1)},
        "venues": {"top": {"name": html.unescape(venues[0][0]), "papers": venues[0][1]},
                   "median": {"name": html.unescape(venues[len(venues) // 2][0]), "papers": venues[len(venues) // 2][1]}},
        "since_year": 2015,
        "words": {"common": [words[0][0], words[1][0]], "mid": [words[middle][0], words[middle + 1][0]],
                  "rare": [words[-1][0], words[-2][0]]},
        "elapsed_s": round(elapsed, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    with open(arguments.out + ".tmp", "w", encoding="latin-1", buffering=1 << 20) as out:
        found = generate(arguments.records, arguments.seed, out)
    import os
    os.replace(arguments.out + ".tmp", arguments.out)
    base = arguments.out[:-4] if arguments.out.endswith(".xml") else arguments.out
    with open(base + ".probes.json", "w") as out:
        json.dump(found, out, indent=2)


if __name__ == "__main__":
    main()
