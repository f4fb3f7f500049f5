/// Writes JSON text, compact or indented by two spaces.
struct JSONWriter {
    enum Value {
        case string(String)
        case integer(Int)
        /// A finite number, written to three decimals (a profile's tf-idf scores).
        case number(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
    }

    static func write(_ value: Value, pretty: Bool, indent: Int = 0) -> String {
        switch value {
        case .string(let text): return quote(text)
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? String(describing: (number * 1000).rounded() / 1000) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            if !pretty || items.allSatisfy(isScalar) {
                return "[" + items.map { write($0, pretty: false) }.joined(separator: pretty ? ", " : ",") + "]"
            }
            let inner = String(repeating: "  ", count: indent + 1)
            return "[\n" + items.map { inner + write($0, pretty: true, indent: indent + 1) }.joined(separator: ",\n")
                + "\n" + String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            if !pretty {
                return "{" + members.map { quote($0.0) + ":" + write($0.1, pretty: false) }.joined(separator: ",") + "}"
            }
            let inner = String(repeating: "  ", count: indent + 1)
            return "{\n" + members.map { inner + quote($0.0) + ": " + write($0.1, pretty: true, indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

    static func quote(_ text: String) -> String {
        JSONString.quoted(text)
    }
}

/// A JSON string literal, quoted and escaped (control characters and U+2028/U+2029 as `\u`):
/// the one escaping for every JSON PaperQL writes, results and the language server's messages.
public enum JSONString {
    public static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
