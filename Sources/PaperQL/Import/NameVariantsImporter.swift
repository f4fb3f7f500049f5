import Foundation

/// Reads the ACL Anthology's curated list of people, `data/yaml/name_variants.yaml`, into a
/// `NameTable`. The file is a YAML list in one fixed shape, read line by line:
///
/// ```yaml
/// - canonical: {first: Steven, last: Abney}
///   id: steven-abney
///   variants:
///   - {first: Steve, last: Abney}
///   comment: …
///   similar: [steven-abnee]
/// ```
/// A person's identifier is `acl:` + `id`, or, without one, `acl:` + the slug of the canonical
/// name (as the Anthology makes it). `comment` and `similar` are not used. A line that fits none
/// of these shapes is an error with its line number.
public enum NameVariantsImporter {
    public struct Problem: Error, Sendable {
        public let line: Int
        public let message: String
    }

    public static func isNameTable(path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    public static func read(path: String) -> Result<NameTable, Problem> {
        // A FIFO or a device is refused before any open (it could block or never end).
        if let refusal = InputFileKind.refusal(path) { return .failure(Problem(line: 0, message: refusal.message)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Problem(line: 0, message: "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Problem(line: 0, message: "not UTF-8 text"))
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> Result<NameTable, Problem> {
        var table = NameTable()
        var canonical: String?
        var identifier: String?
        var variants: [String] = []
        var entryLine = 0
        func finish() {
            guard let name = canonical else { return }
            let id = identifier ?? NameTable.slug(TextFolding.fold(name))
            table.add(.init(identifier: "acl:" + id, canonical: name, variants: variants))
            canonical = nil
            identifier = nil
            variants = []
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.hasPrefix("- canonical:") {
                finish()
                entryLine = number
                guard let name = personName(line.dropFirst("- canonical:".count)) else {
                    return .failure(Problem(line: number, message: "expected `- canonical: {first: …, last: …}`"))
                }
                canonical = name
            } else if trimmed.hasPrefix("id:") {
                guard canonical != nil else { return .failure(Problem(line: number, message: "`id:` outside an entry")) }
                let value = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { return .failure(Problem(line: number, message: "an empty `id:`")) }
                identifier = value
            } else if trimmed.hasPrefix("- {") || trimmed.hasPrefix("variant:") {
                guard canonical != nil else { return .failure(Problem(line: number, message: "a variant outside an entry")) }
                let body = trimmed.hasPrefix("- {") ? trimmed.dropFirst(1) : trimmed.dropFirst("variant:".count)
                guard let name = personName(body) else {
                    return .failure(Problem(line: number, message: "expected a name `{first: …, last: …}`"))
                }
                variants.append(name)
            } else if trimmed.hasPrefix("variants:") || trimmed.hasPrefix("comment:") || trimmed.hasPrefix("similar:")
                || trimmed.hasPrefix("orcid:") || trimmed.hasPrefix("degree:")
            {
                continue
            } else {
                return .failure(Problem(line: number, message: "not a line of a name-variants list (entry at line \(entryLine)): \(trimmed.prefix(60))"))
            }
        }
        finish()
        guard !table.isEmpty else { return .failure(Problem(line: 1, message: "no `- canonical:` entries")) }
        return .success(table)
    }

    /// `{first: Steven P., last: Abney}` → `Steven P. Abney`; a missing part is left out.
    static func personName(_ text: Substring) -> String? {
        let body = text.trimmingCharacters(in: .whitespaces)
        guard body.hasPrefix("{"), body.hasSuffix("}") else { return nil }
        var first = ""
        var last = ""
        for part in body.dropFirst().dropLast().split(separator: ",") {
            let pair = part.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            switch pair[0].trimmingCharacters(in: .whitespaces) {
            case "first": first = value
            case "last": last = value
            default: continue
            }
        }
        let name = [first, last].filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
