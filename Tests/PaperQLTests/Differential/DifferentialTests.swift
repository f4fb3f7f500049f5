import Foundation
import PaperQL
import Testing

/// The engine against a second, plain reading of SEMANTICS.md (`ReferenceEvaluator`) on random
/// scripts that follow the grammar, over the default corpus, random graphs with real data's
/// quirks, and a sample of the ACL Anthology. A failure names the corpus, the seed and a shrunk
/// script; rerun it by pasting the script into `paperql`.
@Suite struct DifferentialTests {
    @Test func defaultCorpus() {
        let runner = DifferentialRunner(name: "default corpus", graph: defaultGraph)
        check(runner, seed: 8, count: DifferentialRunner.queries(1_500))
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func randomGraph(seed: UInt64) {
        let generated = RandomGraph.generate(seed: seed, papers: seed == 14 ? 1_200 : 300)
        let runner = DifferentialRunner(name: "random graph \(seed)", graph: generated.graph,
                                        otherIdentifiers: generated.otherIdentifiers)
        check(runner, seed: seed, count: DifferentialRunner.queries(600))
    }

    @Test func aclAnthologySample() throws {
        let directory = repositoryRoot.appendingPathComponent("../shared/corpora/acl-anthology-2021/xml").standardized
        guard FileManager.default.fileExists(atPath: directory.path) else {
            print("DifferentialTests.aclAnthologySample skipped: ../shared/corpora/acl-anthology-2021/xml is not beside the repository")
            return
        }
        let paths = ["P18.xml", "Q18.xml", "Q19.xml"].map { directory.appendingPathComponent($0).path }
        guard case .success(let loaded) = CorpusLoader.load(paths: paths) else {
            Issue.record("the ACL sample did not load")
            return
        }
        let runner = DifferentialRunner(name: "ACL Anthology sample (P18, Q18, Q19)", graph: loaded.graph)
        check(runner, seed: 2018, count: DifferentialRunner.queries(1_200))
    }

    private func check(_ runner: DifferentialRunner, seed: UInt64, count: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let report = runner.run(seed: seed, count: count)
        print("differential: \(runner.name): \(report.ran) queries (\(report.rejected) refused by both), \(report.failure == nil ? "all agree" : "DISAGREEMENT")")
        if let failure = report.failure { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
        // The generator must mostly make queries that run: a run where nearly everything is
        // refused would compare nothing.
        #expect(report.rejected * 4 < report.ran, "\(report.rejected) of \(report.ran) refused", sourceLocation: sourceLocation)
    }
}
