import Foundation
import Testing
@testable import PaperQL

/// Locations of the import fixtures and the shared real corpora, and loading helpers.
enum ImportFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Import
        .deletingLastPathComponent()  // PaperQLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static func path(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/PaperQLTests/Fixtures/import/\(name)").path
    }

    /// `../shared/corpora/acl-anthology-2021/xml` beside the repository (CI has it there).
    static let aclDirectory = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/acl-anthology-2021/xml").path

    static func load(
        _ names: [String], strict: Bool = false, format: DataFormat? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> CorpusLoader.Loaded {
        let result = CorpusLoader.load(paths: names.map(path), options: ImportOptions(format: format, strict: strict))
        switch result {
        case .success(let loaded): return loaded
        case .failure(let failure):
            Issue.record("load failed: \(failure.errors.map(\.description).joined(separator: "; "))", sourceLocation: sourceLocation)
            throw failure
        }
    }

    static func failure(_ names: [String], strict: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CorpusLoader.Failure? {
        switch CorpusLoader.load(paths: names.map(path), options: ImportOptions(strict: strict)) {
        case .success:
            Issue.record("expected the load to fail", sourceLocation: sourceLocation)
            return nil
        case .failure(let failure):
            return failure
        }
    }

    static func records(_ loaded: CorpusLoader.Loaded) -> [String: PaperRecord] {
        Dictionary(loaded.graph.records().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
