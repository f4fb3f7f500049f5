import Foundation

/// Turns the LaTeX found in BibTeX fields into plain Unicode text: accents (`{\"u}`, `\'{e}`,
/// `\v c`), special letters (`\L`, `\ss`, `\o`), escaped symbols (`\&`, `\%`), dashes (`--`),
/// ties (`~`), Greek letters in math; grouping braces and `$` are dropped, formatting commands
/// (`\emph{x}`) keep only their text, and runs of white space become one space.
public enum LaTeXAccents {
    /// Converts `text`. Never fails: what it does not understand it keeps as text.
    public static func toUnicode(_ text: String) -> String {
        if !hasLaTeX(text) { return WhiteSpace.collapsed(text) }
        var decoder = Decoder(scalars: Array(text.unicodeScalars))
        var output = String.UnicodeScalarView()
        decoder.run(until: decoder.scalars.count, depth: 0, into: &output)
        return WhiteSpace.collapsed(composed(output))
    }

    /// The text in NFC, composed a piece at a time: Foundation's normalization of one long
    /// string moves its tail for every change (a 1 MB field of accents took seconds). A piece
    /// ends before an ASCII character: ASCII never composes with what precedes it nor reorders
    /// across it (combining class 0), so composing the pieces apart gives the same text.
    private static func composed(_ scalars: String.UnicodeScalarView) -> String {
        var result = ""
        var piece = String.UnicodeScalarView()
        var pieceLength = 0
        func flush() {
            let text = String(piece)
            result += text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
            piece = String.UnicodeScalarView()
            pieceLength = 0
        }
        for scalar in scalars {
            if scalar.isASCII, pieceLength >= 256 { flush() }
            piece.append(scalar)
            pieceLength += 1
        }
        flush()
        return result
    }

    /// Whether `text` has anything the decoder would change: `\\ { } $ ~` or a dash of two or
    /// three hyphens (checked on bytes: most titles have none).
    private static func hasLaTeX(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "$"), UInt8(ascii: "~"): return true
            case UInt8(ascii: "-") where previous == UInt8(ascii: "-"): return true
            default: break
            }
            previous = byte
        }
        return false
    }

    /// Combining marks for the accent commands.
    static let accents: [String: Unicode.Scalar] = [
        "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}",
        "c": "\u{0327}", "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
        "t": "\u{0361}",
    ]

    /// Commands that stand for a letter or symbol.
    static let symbols: [String: String] = [
        "l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ss": "ß", "SS": "SS", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
        "dj": "đ", "DJ": "Đ",
        "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘",
        "textquotedblleft": "“", "textquotedblright": "”", "textbackslash": "\\", "textasciitilde": "~",
        "textregistered": "®", "texttrademark": "™", "textcopyright": "©", "textdegree": "°", "ldots": "…",
        "dots": "…", "textellipsis": "…", "S": "§", "P": "¶", "pounds": "£", "euro": "€", "textbullet": "•",
        "guillemotleft": "«", "guillemotright": "»", "quad": " ", "qquad": " ", "LaTeX": "LaTeX", "TeX": "TeX",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞", "times": "×", "pm": "±",
        "leq": "≤", "geq": "≥", "neq": "≠", "approx": "≈", "to": "→", "rightarrow": "→", "leftarrow": "←",
        "cdot": "·", "backslash": "\\",
    ]

    /// How deep accent arguments may nest before the rest is kept as plain text.
    static let maximumDepth = 32

    struct Decoder {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func run(until end: Int, depth: Int, into output: inout String.UnicodeScalarView) {
            while index < end {
                let scalar = scalars[index]
                switch scalar {
                case "{", "}", "$":
                    index += 1
                case "~":
                    output.append(" ")
                    index += 1
                case "-":
                    if index + 2 < end, scalars[index + 1] == "-", scalars[index + 2] == "-" {
                        output.append("—")
                        index += 3
                    } else if index + 1 < end, scalars[index + 1] == "-" {
                        output.append("–")
                        index += 2
                    } else {
                        output.append("-")
                        index += 1
                    }
                case "\\":
                    command(until: end, depth: depth, into: &output)
                default:
                    output.append(scalar)
                    index += 1
                }
            }
        }

        /// At a backslash: one command and, for accents, its argument.
        mutating func command(until end: Int, depth: Int, into output: inout String.UnicodeScalarView) {
            index += 1
            guard index < end else { output.append("\\"); return }
            let first = scalars[index]
            var name: String
            if first.properties.isAlphabetic && first.isASCII {
                var word = String.UnicodeScalarView()
                while index < end, scalars[index].isASCII, scalars[index].properties.isAlphabetic {
                    word.append(scalars[index])
                    index += 1
                }
                name = String(word)
                // A control word swallows the spaces after it.
                let afterWord = index
                while index < end, scalars[index] == " " { index += 1 }
                if LaTeXAccents.accents[name] == nil, LaTeXAccents.symbols[name] == nil, afterWord != index {
                    // Formatting commands keep their space (`\bf Title` has none to lose anyway).
                    index = afterWord
                }
            } else {
                name = String(first)
                index += 1
                switch first {
                case "&", "%", "$", "#", "_", "{", "}", "@":
                    output.append(first)
                    return
                case "\\", " ", ",", ";", ":", "!", "\n":
                    output.append(" ")
                    return
                case "-", "/":
                    return
                default:
                    break
                }
            }
            if let mark = LaTeXAccents.accents[name] {
                var argument = String.UnicodeScalarView()
                self.argument(until: end, depth: depth, into: &argument)
                var scalars = Array(argument)
                if scalars.first == "ı" { scalars[0] = "i" }
                if scalars.first == "ȷ" { scalars[0] = "j" }
                if let base = scalars.first {
                    output.append(base)
                    output.append(mark)
                    for scalar in scalars.dropFirst() { output.append(scalar) }
                }
                return
            }
            if let symbol = LaTeXAccents.symbols[name] {
                for scalar in symbol.unicodeScalars { output.append(scalar) }
            }
            // Other commands (\emph, \textbf, \url, ...) vanish; their braced text stays.
        }

        /// The argument of an accent: a braced group, a command, or one character.
        mutating func argument(until end: Int, depth: Int, into output: inout String.UnicodeScalarView) {
            while index < end, scalars[index] == " " { index += 1 }
            guard index < end else { return }
            switch scalars[index] {
            case "{":
                var level = 0
                var close = index
                while close < end {
                    if scalars[close] == "{" { level += 1 }
                    if scalars[close] == "}" { level -= 1; if level == 0 { break } }
                    close += 1
                }
                index += 1
                if depth >= LaTeXAccents.maximumDepth {
                    for scalar in scalars[index..<close] { output.append(scalar) }
                } else {
                    run(until: close, depth: depth + 1, into: &output)
                }
                index = min(close + 1, end)
            case "\\" where depth < LaTeXAccents.maximumDepth:
                command(until: end, depth: depth + 1, into: &output)
            default:
                output.append(scalars[index])
                index += 1
            }
        }
    }
}
