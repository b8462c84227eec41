import CopilotoCore
import Foundation

/// Finds amounts of money in Brazilian and English writing: "R$ 1.234,56", "1.250,90 reais", "500 reais",
/// "$45", "$1,234.50", "por 49,90", "10 reais off".
enum MoneyExtractor {
    static let marked = Pattern(#"(r\$|us\$|\$)\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:([.,])(\d{1,2}))?(?!\d)"#)
    static let worded = Pattern(#"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?\s*(reais|real|d[oó]lares|dollars|bucks)\b"#)
    static let bareDecimal = Pattern(#"(?<![\w.,$#-])(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})(?![\d%])"#)

    /// The first amount in the text and where it is.
    static func first(in text: String) -> (Money, Range<String.Index>)? {
        var found: [(Money, Range<String.Index>)] = []
        for match in marked.matches(in: text) {
            guard let whole = match.groups[2] else { continue }
            let separator = match.groups[3], decimals = match.groups[4]
            let english = match.groups[1]?.lowercased() != "r$"
            if let money = amount(whole: whole, separator: separator, decimals: decimals, english: english) { found.append((money, match.range)) }
        }
        for match in worded.matches(in: text) {
            guard let whole = match.groups[1] else { continue }
            if let money = amount(whole: whole, separator: match.groups[2] == nil ? nil : ",", decimals: match.groups[2], english: false) {
                found.append((money, match.range))
            }
        }
        if found.isEmpty {
            for match in bareDecimal.matches(in: text) {
                guard let whole = match.groups[1] else { continue }
                if let money = amount(whole: whole, separator: ",", decimals: match.groups[2], english: false) { found.append((money, match.range)) }
            }
        }
        return found.min { $0.1.lowerBound < $1.1.lowerBound }
    }

    /// Builds the amount; in Brazilian writing "." groups thousands and "," marks decimals, in English the reverse.
    static func amount(whole: String, separator: String?, decimals: String?, english: Bool) -> Money? {
        let thousands = english ? "," : "."
        var digits = whole
        if whole.contains(thousands) || (whole.contains(english ? "." : ",") == false) {
            digits = whole.replacingOccurrences(of: thousands, with: "")
        }
        digits = digits.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
        var cents = 0
        if let decimals, let separator {
            let decimalMark = english ? "." : ","
            // "$45,50" in an English amount is still a decimal comma when it has one or two digits.
            if separator == decimalMark || decimals.count <= 2 { cents = Int(decimals.count == 1 ? decimals + "0" : decimals) ?? 0 }
        }
        guard let value = Int(digits), value < 1_000_000_000 else { return nil }
        return Money(cents: value * 100 + cents)
    }
}
