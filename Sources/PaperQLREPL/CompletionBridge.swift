@preconcurrency import CEditLine
import PaperQL
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What Tab completes against. libedit's callback captures nothing, so the REPL keeps this
/// global, behind a lock, up to date as the session changes.
let completionState = Mutex<Completer?>(nil)

/// libedit's `rl_attempted_completion_function`. With no word-break characters, libedit's
/// "word" is the whole line up to the cursor (from `start`, in characters); entry 0 of the
/// returned array replaces it, entries 1… are listed on a second Tab.
func completeAtCursor(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to file names
    guard let buffer = rl_line_buffer, let completer = completionState.withLock({ $0 }) else { return nil }
    let line = String(cString: buffer)
    // `start` and `end` count characters (libedit works in wide characters); spans count bytes.
    let cursor = byteOffset(ofCharacter: Int(end), in: line)
    let wordStart = byteOffset(ofCharacter: Int(start), in: line)
    guard let result = completer.complete(line: line, cursor: cursor), result.replaceFrom >= wordStart,
        result.replaceFrom <= cursor, !result.inserts.isEmpty
    else { return nil }
    let bytes = Array(line.utf8)
    let kept = String(decoding: bytes[wordStart..<result.replaceFrom], as: UTF8.self)
    var entries: [String]
    if result.inserts.count == 1 {
        // libedit reads entry 2 to tell a single match, so repeat it: [match, match, NULL].
        entries = [kept + result.inserts[0], kept + result.inserts[0]]
    } else {
        entries = [kept + result.commonInsert] + result.labels
    }
    return makeMatches(entries)
}

private func byteOffset(ofCharacter index: Int, in line: String) -> Int {
    String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, index)))).utf8.count
}

/// A NULL-terminated array of `strdup`ed strings, allocated with `malloc`: libedit frees both.
private func makeMatches(_ entries: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1)
    guard let raw = malloc(size) else { return nil }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    return array
}
