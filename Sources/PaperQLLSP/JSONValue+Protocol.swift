import PaperQL

/// Reading and writing the JSON of the protocol with the library's `JSONValue` (its parser is
/// strict and limits nesting, so no message can exhaust the stack).
extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// An object from pairs, in order.
    static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { (key: $0.key, value: $0.value) })
    }

    /// An object, leaving out the pairs whose value is nil.
    static func compact(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { pair in pair.value.map { (key: pair.key, value: $0) } })
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// An integer, only when the number is one and fits (never traps on 1e300 or NaN).
    var intValue: Int? {
        guard case .number(let value) = self, value.isFinite, value.rounded() == value,
            abs(value) < 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }

    /// An integer, with numbers out of range moved to the nearest that fits (a position far
    /// past the end is the end).
    var clampedIntValue: Int? {
        guard case .number(let value) = self, !value.isNaN else { return nil }
        let limit = 9_007_199_254_740_991.0
        return Int(max(-limit, min(limit, value.rounded(.down))))
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// The value a key path leads to: `params["textDocument", "uri"]`.
    subscript(path: String...) -> JSONValue? {
        var value: JSONValue? = self
        for key in path { value = value?[key] }
        return value
    }

    /// Compact JSON text (integers without a fraction, non-ASCII as UTF-8).
    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value):
            if let integer = intValue {
                out += String(integer)
            } else if value.isFinite {
                out += "\(value)"
            } else {
                out += "null"
            }
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += JSONString.quoted(value)
    }
}
