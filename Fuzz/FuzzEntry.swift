// libFuzzer's entry point: the target comes from PAPERQL_FUZZ_TARGET (see scripts/fuzz.sh).
#if canImport(Glibc)
import Glibc
#endif
@testable import PaperQL

let selectedFuzzTarget: FuzzTarget = {
    guard let name = getenv("PAPERQL_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        complain("set PAPERQL_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n")
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(selectedFuzzTarget, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// With PAPERQL_FUZZ_WRITE_SEED_SNAPSHOT=PATH, writes a small snapshot there to seed the
/// snapshot target, and exits.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    guard let path = getenv("PAPERQL_FUZZ_WRITE_SEED_SNAPSHOT").map({ String(cString: $0) }) else { return 0 }
    var builder = GraphBuilder()
    builder.add(contentsOf: DefaultCorpus.records.prefix(6))
    do {
        try builder.build().writeSnapshot(to: path)
        exit(0)
    } catch {
        complain("cannot write the seed snapshot: \(error)\n")
        exit(1)
    }
}

private func complain(_ message: String) {
    var message = message
    message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
