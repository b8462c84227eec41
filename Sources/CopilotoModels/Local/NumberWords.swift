import CopilotoCore
import Foundation

/// Numbers written in Portuguese words ("cento e cinquenta", "dois mil e quinhentos", "dez") rewritten as digits,
/// so the money, percent and quantity extractors read "cento e cinquenta reais", "dez por cento" and "cinquenta
/// unidades" like "150 reais", "10%" and "50 unidades".
enum NumberWords {
    static let units: [String: Int] = [
        "zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8,
        "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "quatorze": 14, "catorze": 14, "quinze": 15, "dezesseis": 16,
        "dezessete": 17, "dezoito": 18, "dezenove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
        "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100, "duzentos": 200, "duzentas": 200, "trezentos": 300,
        "quatrocentos": 400, "quinhentos": 500, "seiscentos": 600, "setecentos": 700, "oitocentos": 800, "novecentos": 900,
    ]

    /// The text with each run of number words replaced by its digits ("um" alone stays: it is mostly an article).
    /// "X reais e Y centavos" becomes "X,YY reais"; "por cento" becomes "%".
    static func digits(_ text: String) -> String {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = [], index = 0
        while index < tokens.count {
            guard let (value, used) = run(tokens, from: index), !(used == 1 && ["um", "uma"].contains(TextFolding.fold(tokens[index]))) else {
                out.append(tokens[index])
                index += 1
                continue
            }
            out.append(String(value))
            index += used
        }
        var joined = out.joined(separator: " ")
        joined = centavos.replace(in: joined, with: "$1,$2 reais")
        return porCento.replace(in: joined, with: "$1%")
    }

    static let centavos = Pattern(#"\b(\d+) reais e (\d{2}) centavos\b"#)
    static let porCento = Pattern(#"\b(\d+(?:[.,]\d+)?) ?(?:por ?cento|porcento)\b"#)

    /// The value of the number words starting at `start` and how many tokens they take.
    private static func run(_ tokens: [String], from start: Int) -> (Int, Int)? {
        var total = 0, group = 0, index = start, used = 0, any = false
        while index < tokens.count {
            let raw = TextFolding.fold(tokens[index])
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ",.!?:;"))
            if let value = units[word] {
                group += value
                any = true
                used = index - start + 1
                if word != raw { break }  // punctuation ends the number
            } else if word == "mil", any || group == 0 {
                total += max(group, 1) * 1000
                group = 0
                any = true
                used = index - start + 1
                if word != raw { break }
            } else if word == "e", any, index + 1 < tokens.count,
                      units[TextFolding.fold(tokens[index + 1]).trimmingCharacters(in: CharacterSet(charactersIn: ",.!?:;"))] != nil {
                // "cento e cinquenta": keep going
            } else {
                break
            }
            index += 1
        }
        return any ? (total + group, used) : nil
    }
}
