import Foundation

/// CPF and CNPJ numbers with check-digit validation, including the alphanumeric CNPJ (from 2026).
public enum BrazilianDocument {
    /// The kind of a valid document.
    public enum Kind: String, Sendable { case cpf, cnpj }

    /// Returns the canonical form ("12345678909" / "12ABC34501DE35") and kind, or nil when invalid.
    public static func normalize(_ text: String) -> (value: String, kind: Kind)? {
        let cleaned = text.uppercased().filter { $0.isLetter || $0.isNumber }.filter(\.isASCII)
        if cleaned.count == 11, cleaned.allSatisfy(\.isNumber), isValidCPF(cleaned) { return (cleaned, .cpf) }
        if cleaned.count == 14, isValidCNPJ(cleaned) { return (cleaned, .cnpj) }
        return nil
    }

    /// Formats a canonical document as "123.456.789-09" or "12.ABC.345/01DE-35".
    public static func format(_ value: String) -> String {
        let chars = Array(value)
        if chars.count == 11 {
            return "\(String(chars[0..<3])).\(String(chars[3..<6])).\(String(chars[6..<9]))-\(String(chars[9..<11]))"
        }
        guard chars.count == 14 else { return value }
        return "\(String(chars[0..<2])).\(String(chars[2..<5])).\(String(chars[5..<8]))/\(String(chars[8..<12]))-\(String(chars[12..<14]))"
    }

    static func isValidCPF(_ digits: String) -> Bool {
        let numbers = digits.compactMap(\.wholeNumberValue)
        guard numbers.count == 11, Set(numbers).count > 1 else { return false }
        func check(_ count: Int) -> Int {
            let sum = (0..<count).reduce(0) { $0 + numbers[$1] * (count + 1 - $1) }
            let rest = (sum * 10) % 11
            return rest == 10 ? 0 : rest
        }
        return check(9) == numbers[9] && check(10) == numbers[10]
    }

    static func isValidCNPJ(_ value: String) -> Bool {
        // Alphanumeric CNPJ: each of the first 12 characters is worth its ASCII code minus 48;
        // the two check digits stay numeric.
        let chars = Array(value)
        guard chars[12].isNumber, chars[13].isNumber else { return false }
        let values = chars.map { Int($0.asciiValue ?? 0) - 48 }
        guard values[0..<12].allSatisfy({ (0...42).contains($0) }), Set(values).count > 1 else { return false }
        func check(_ count: Int) -> Int {
            let weights = count == 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
            let sum = (0..<count).reduce(0) { $0 + values[$1] * weights[$1] }
            let rest = sum % 11
            return rest < 2 ? 0 : 11 - rest
        }
        return check(12) == values[12] && check(13) == values[13]
    }
}
