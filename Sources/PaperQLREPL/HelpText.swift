/// The text of `:help` and its topics.
enum HelpText {
    struct Topic {
        let name: String
        let summary: String
        let text: String
    }

    static let overview = """
        Type a query and press Enter; a statement left open (an open parenthesis or string, a
        trailing |, a missing name) continues on the next line at the ...> prompt. Tab completes
        keywords, author names, venues, categories, fields and commands; Tab twice lists them.

          papers by "Jack Rae" since 2020
          papers at NeurIPS | count by year
          coauthors of "Oriol Vinyals" | limit 10
          let rae = papers by "Jack Rae"
          rae | show title, year

        Commands:
          :help [topic]     this help, or a topic: \(topics.map(\.name).joined(separator: ", "))
          :format FORMAT    table, json, jsonl, csv, markdown, dot, graphml, svg or bibtex
          :chart on|off|auto  bars beside count by (auto: in tables)
          :timing on|off    print the time each query takes
          :load FILE        add the papers of a data file (any format) to the graph
          :run FILE         run a script of queries in this session
          :explain QUERY    show the plan and the authors each name resolved to
          :stats            sizes of the graph
          :vars             the let names defined so far
          :quit             leave (or Ctrl-D)

        """

    static let topics: [Topic] = [
        Topic(name: "queries", summary: "what a query starts with", text: """
            A query starts with a set and may add filters and stages:
              papers [FILTERS]                    papers, newest first
              authors [of QUERY]                  authors with their paper counts
              venues [of QUERY]                   venues with their paper counts
              coauthors of "NAME" [within N]      people who wrote papers with NAME
              path from "A" to "B"                the shortest chain of coauthors
              let NAME = QUERY                    name a result; use NAME as a set later
            Statements end at a newline or `;`.

            """),
        Topic(name: "filters", summary: "by, at, since, in category, from, matching, where", text: """
            Filters on papers (side by side means all of them; `or` and `not` combine them):
              by "A"  by "A" and "B"  by "A" or "B"  by exactly "Scott E. Reed"
              at NeurIPS             since 2020  before 2020  until 2020  in 2021
              between 2016 and 2018  in category LG  from DeepMind
              matching "scaling laws"  titled "Attention Is All You Need"
              where year >= 2020 and venue = "arXiv"

            """),
        Topic(name: "stages", summary: "| count, | sort by, | limit, | show", text: """
            Stages after `|` work on the rows of the query before them:
              | count                 the number of rows
              | count by FIELD        rows per value (year, venue, authors, categories, ...)
              | sort by FIELD [asc|desc], ...
              | limit N
              | show FIELD, ...       choose the columns (title, year, venue, authors, abstract, ...)

            """),
        Topic(name: "commands", summary: "the : commands", text: """
            :help [topic]  :format table|json|jsonl|csv|markdown|dot|graphml|svg|bibtex
            :chart on|off|auto  :timing on|off
            :load FILE (adds papers; let names are cleared, since the graph is rebuilt)
            :run FILE  :explain QUERY  :stats  :vars  :quit

            """),
        Topic(name: "keys", summary: "editing, history and Ctrl keys", text: """
            Tab            complete; Tab twice lists the candidates
            Up / Down      history (kept in ~/.paperql_history, or $PAPERQL_HISTORY;
                           PAPERQL_HISTORY= (empty) keeps no history file)
            Ctrl-C         cancel the running query, or clear the line being typed
            Ctrl-D         leave
            A blank line at the ...> prompt runs the open statement as it is.

            """),
    ]
}
