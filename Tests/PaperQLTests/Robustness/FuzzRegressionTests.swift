import Foundation
import Testing
@testable import PaperQL

/// Every input saved in `Fuzz/regressions/TARGET/` (what the fuzzers found, and the crashes of
/// issue 11) is run through its fuzz target, without libFuzzer: a crash or a hang there fails
/// the suite. `scripts/fuzz.sh` runs the targets themselves.
@Suite struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions")

    static var inputs: [(target: String, file: String)] {
        FuzzTarget.allCases.flatMap { target -> [(String, String)] in
            let folder = regressions.appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { (target.rawValue, $0) }
        }
    }

    @Test(arguments: inputs.map { "\($0.target)/\($0.file)" })
    func savedInputRunsThroughItsTarget(_ path: String) throws {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        let target = try #require(FuzzTarget(rawValue: parts[0]))
        let bytes = try [UInt8](Data(contentsOf: Self.regressions.appendingPathComponent(path)))
        FuzzTargets.run(target, bytes)
    }

    /// The targets themselves, on a small input each: the harness the fuzzers run stays working.
    @Test(arguments: FuzzTarget.allCases)
    func everyTargetRuns(_ target: FuzzTarget) {
        let input: String =
            switch target {
            case .query, .service: "papers by \"Jack Rae\" since 2020 | show title, year"
            case .bibtex: "@article{k, title = {T}, author = {A. B and C. D}, year = 2020}"
            case .dblp: "<dblp><article key=\"k\"><author>A B</author><title>T.</title><year>2020</year></article></dblp>"
            case .acl: "<collection id=\"P18\"><volume id=\"1\"><meta><booktitle>B</booktitle><year>2018</year></meta><paper id=\"1\"><title>T</title><author><first>A</first><last>B</last></author></paper></volume></collection>"
            case .csv: "id,title,authors\nk,T,A B; C D\n"
            case .native, .arxiv, .openalex: "{\"id\": \"k\", \"title\": \"T\", \"authors\": [\"A B\"]}\n"
            case .snapshot: String(repeating: "\u{0}", count: 64)
            case .lsp: "textDocument/hover 0 3\ntextDocument/completion 0 11\n{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"textDocument/rename\",\"params\":{}}"
            }
        FuzzTargets.run(target, Array(input.utf8))
    }
}
