import Foundation
import PaperQL

/// Tab completion for one line of the REPL: meta-commands and their arguments here, the
/// language through the library's `LanguageService`.
struct Completer: Sendable {
    struct Result: Sendable, Equatable {
        /// Byte offset in the line where the replaced text starts; it ends at the cursor.
        let replaceFrom: Int
        /// What replaces it, one per candidate.
        let inserts: [String]
        /// What a list of the candidates shows.
        let labels: [String]
        /// What a first Tab inserts when there are several candidates.
        let commonInsert: String
    }

    var service: LanguageService
    /// The earlier lines of an open statement, joined and followed by the separator the current
    /// line will be joined with; empty at the main prompt.
    var pending: String

    func complete(line: String, cursor: Int) -> Result? {
        let bytes = Array(line.utf8)
        guard cursor <= bytes.count else { return nil }
        if pending.isEmpty, let colon = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
            bytes[colon] == UInt8(ascii: ":"), colon < cursor
        {
            return completeCommand(bytes, colon: colon, cursor: cursor)
        }
        return completeQuery(line, cursor: cursor, service: service, prefix: pending)
    }

    /// Completes query text; `prefix` is text before the line (earlier lines of the statement).
    private func completeQuery(_ line: String, cursor: Int, service: LanguageService, prefix: String) -> Result? {
        let shift = prefix.utf8.count
        let list = service.completions(in: prefix + line, at: shift + cursor)
        // Only text typed on this line, up to the cursor, can be replaced.
        guard list.replacing.start >= shift, list.replacing.end <= shift + cursor, !list.items.isEmpty else { return nil }
        let from = list.replacing.start - shift
        let typed = String(decoding: Array(line.utf8)[from..<cursor], as: UTF8.self)
        let common = list.commonPrefix
        let extends = common.utf8.count >= typed.utf8.count && TextFolding.fold(common).hasPrefix(TextFolding.fold(typed))
        return finish(from: from, inserts: list.items.map(\.insertText), labels: list.items.map(\.label),
                      common: extends ? common : typed, line: line, cursor: cursor)
    }

    private func completeCommand(_ bytes: [UInt8], colon: Int, cursor: Int) -> Result? {
        let line = String(decoding: bytes, as: UTF8.self)
        var nameEnd = colon + 1
        while nameEnd < bytes.count, bytes[nameEnd] != UInt8(ascii: " "), bytes[nameEnd] != UInt8(ascii: "\t") { nameEnd += 1 }
        if cursor <= nameEnd {
            let typed = String(decoding: bytes[(colon + 1)..<cursor], as: UTF8.self).lowercased()
            let names = MetaCommand.names.filter { $0.hasPrefix(typed) }.map { ":" + $0 }
            return finish(from: colon, inserts: names, labels: names, common: nil, line: line, cursor: cursor)
        }
        let name = String(decoding: bytes[(colon + 1)..<nameEnd], as: UTF8.self).lowercased()
        var argumentStart = nameEnd
        while argumentStart < cursor, bytes[argumentStart] == UInt8(ascii: " ") || bytes[argumentStart] == UInt8(ascii: "\t") {
            argumentStart += 1
        }
        let typed = String(decoding: bytes[argumentStart..<cursor], as: UTF8.self)
        let words: [String]
        switch MetaCommand.canonicalName(name) {
        case "format": words = OutputFormat.allCases.map(\.rawValue)
        case "timing": words = ["on", "off"]
        case "chart": words = BarChart.Mode.allCases.map(\.rawValue)
        case "help": words = HelpText.topics.map(\.name)
        case "load", "run":
            let files = fileCandidates(typed)
            return finish(from: argumentStart, inserts: files.map(\.insert), labels: files.map(\.label), common: nil,
                          line: line, cursor: cursor, spaceAfterSingle: false)
        case "explain":
            let argument = String(decoding: bytes[argumentStart...], as: UTF8.self)
            guard let inner = completeQuery(argument, cursor: cursor - argumentStart, service: service, prefix: "") else {
                return nil
            }
            return Result(replaceFrom: inner.replaceFrom + argumentStart, inserts: inner.inserts, labels: inner.labels,
                          commonInsert: inner.commonInsert)
        default: return nil
        }
        let matching = words.filter { $0.hasPrefix(typed.lowercased()) }
        return finish(from: argumentStart, inserts: matching, labels: matching, common: nil, line: line, cursor: cursor)
    }

    /// A single candidate gets a space after it (unless one follows already).
    private func finish(
        from: Int, inserts: [String], labels: [String], common: String?, line: String, cursor: Int,
        spaceAfterSingle: Bool = true
    ) -> Result? {
        guard !inserts.isEmpty else { return nil }
        let bytes = Array(line.utf8)
        var inserts = inserts
        if inserts.count == 1, spaceAfterSingle, cursor == bytes.count || bytes[cursor] != UInt8(ascii: " ") {
            inserts[0] += " "
        }
        let commonInsert = common ?? CompletionList(
            replacing: .at(0), items: inserts.map { CompletionItem(label: $0, insertText: $0, kind: .value) }
        ).commonPrefix
        return Result(replaceFrom: from, inserts: inserts, labels: labels, commonInsert: commonInsert)
    }

    /// Files and folders starting with the typed path.
    private func fileCandidates(_ typed: String) -> [(insert: String, label: String)] {
        let expanded = typed.hasPrefix("~/") ? NSHomeDirectory() + typed.dropFirst(1) : typed
        let slash = expanded.lastIndex(of: "/")
        let folder = slash.map { String(expanded[...$0]) } ?? ""
        let typedFolder = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return names.filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + name, isDirectory: &isDirectory)
            let suffix = isDirectory.boolValue ? "/" : ""
            return (typedFolder + name + suffix, name + suffix)
        }
    }
}
