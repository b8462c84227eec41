import CopilotoCore
import Foundation

/// Brazilian identifiers for the demo: CPF and CNPJ with correct check digits, and E.164 phones.
///
/// The check-digit functions are pure; the random variants only choose the base digits and then
/// confirm the result with `BrazilianDocument.normalize`, returning nil rather than an invalid number.
enum DemoDocuments {
    /// The two CPF check digits of nine base digits (Receita Federal's modulo-11 rule).
    static func cpfCheckDigits(_ base: [Int]) -> [Int] {
        var digits = base
        for count in [9, 10] {
            let sum = (0..<count).reduce(0) { $0 + digits[$1] * (count + 1 - $1) }
            let rest = (sum * 10) % 11
            digits.append(rest == 10 ? 0 : rest)
        }
        return Array(digits.suffix(2))
    }

    /// The two CNPJ check digits of twelve base digits (eight of the company, four of the branch).
    static func cnpjCheckDigits(_ base: [Int]) -> [Int] {
        var digits = base
        let first = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
        for weights in [first, [6] + first] {
            let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
            let rest = sum % 11
            digits.append(rest < 2 ? 0 : 11 - rest)
        }
        return Array(digits.suffix(2))
    }

    /// A CPF ("12345678909" form) from nine base digits, or nil when the digits cannot make a valid one.
    static func cpf(base: [Int]) -> String? {
        guard base.count == 9, base.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let text = (base + cpfCheckDigits(base)).map(String.init).joined()
        return BrazilianDocument.normalize(text)?.kind == .cpf ? text : nil
    }

    /// A CNPJ of the head office ("0001") from eight company digits, or nil when it would be invalid.
    static func cnpj(company: [Int], branch: [Int] = [0, 0, 0, 1]) -> String? {
        let base = company + branch
        guard company.count == 8, branch.count == 4, base.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let text = (base + cnpjCheckDigits(base)).map(String.init).joined()
        return BrazilianDocument.normalize(text)?.kind == .cnpj ? text : nil
    }

    /// A random valid CPF; never one of the well-known sample numbers.
    static func randomCPF(_ rng: inout SeededGenerator) -> String? {
        for _ in 0..<8 {
            let base = (0..<9).map { _ in rng.int(in: 0...9) }
            if let value = cpf(base: base), !reserved.contains(value) { return value }
        }
        return nil
    }

    /// A random valid head-office CNPJ.
    static func randomCNPJ(_ rng: inout SeededGenerator) -> String? {
        for _ in 0..<8 {
            let company = [rng.int(in: 1...9)] + (0..<7).map { _ in rng.int(in: 0...9) }
            if let value = cnpj(company: company) { return value }
        }
        return nil
    }

    /// Documents used as examples elsewhere (tests, evaluation sentences); the demo never takes them.
    static let reserved: [String] = ["12345678909", "11144477735"]

    /// Area codes (DDD) weighted towards São Paulo, where the demo store is.
    static let areaCodes = [11, 11, 11, 11, 11, 21, 21, 31, 41, 51, 61, 71, 81, 85, 19, 13, 15, 48, 27, 62, 47, 92, 12, 16]

    /// A mobile number "+55DD9XXXXXXXX" in E.164.
    static func mobilePhone(_ rng: inout SeededGenerator) -> String {
        let area = rng.pick(areaCodes) ?? 11
        let first = rng.int(in: 6...9)
        let rest = (0..<7).map { _ in String(rng.int(in: 0...9)) }.joined()
        return "+55\(area)9\(first)\(rest)"
    }

    /// A landline "+55DDXXXXXXXX" in E.164 (businesses), starting with 2–5 as fixed lines do.
    static func landline(_ rng: inout SeededGenerator) -> String {
        let area = rng.pick(areaCodes) ?? 11
        let first = rng.int(in: 2...5)
        let rest = (0..<7).map { _ in String(rng.int(in: 0...9)) }.joined()
        return "+55\(area)\(first)\(rest)"
    }

    /// "Conceição Araújo" → "conceicao.araujo", for e-mail local parts.
    static func emailLocalPart(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        let kept = folded.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == " ") }
        return String(String.UnicodeScalarView(kept)).split(separator: " ").joined(separator: ".")
    }
}
