import PaperQL
import Testing

/// `:explain` shows the plan that runs: the same compilation as running the query.
@Suite struct ExplainTests {
    func explain(_ query: String) -> String {
        let session = QuerySession(graph: defaultGraph)
        let (plans, _) = session.explain(query)
        return plans.map { PlanExplainer(graph: defaultGraph).render($0) }.joined()
    }

    @Test func openYearRangesAreShownAsTheCheckerReadThem() {
        // Regression (issue 8): `before 2019` was printed as "years 1–2018".
        #expect(explain("papers before 2019").contains("years up to 2018: one id range"))
        #expect(explain("papers since 2020").contains("years 2020 on: one id range"))
        #expect(explain("papers where year != 2018") == """
            papers
              subtract  (≤ 33 papers)
                papers with a known year: one id range  (≤ 33 papers)
                minus
                  years 2018: one id range  (≤ 7 papers)
            → papers

            """)
    }

    @Test func theExplainedPlanIsThePlanThatRuns() {
        var session = QuerySession(graph: defaultGraph)
        let query = #"papers by "Jack Rae" and "Oriol Vinyals" or "Ashish Vaswani" | count"#
        let ran = session.run(query).statements.first?.plan
        let explained = session.explain(query).plans.first
        let renderer = PlanExplainer(graph: defaultGraph)
        #expect(ran.map(renderer.render) == explained.map(renderer.render))
        #expect(explained.map(renderer.render)?.contains("union") == true)
    }
}
