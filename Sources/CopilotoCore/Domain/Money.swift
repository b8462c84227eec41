import Foundation

/// An exact amount of money in minor units (centavos); never a floating-point number.
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in minor units: R$ 12,34 is 1234.
    public var cents: Int

    public init(cents: Int) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// The largest amount a client may send: R$ 1.000.000.000,00 (10¹¹ centavos). With quantities of at most
    /// 100,000 and 200 lines, every total stays far below `Int.max`.
    public static let limit = Money(cents: 100_000_000_000)

    /// The sum of `amounts`, nil when it does not fit (never a trap).
    public static func checkedSum(_ amounts: [Money]) -> Money? {
        var total = 0
        for amount in amounts {
            let (sum, overflow) = total.addingReportingOverflow(amount.cents)
            if overflow { return nil }
            total = sum
        }
        return Money(cents: total)
    }

    /// `self × factor`, nil when the product does not fit.
    public func multiplied(by factor: Int) -> Money? {
        let (product, overflow) = cents.multipliedReportingOverflow(by: factor)
        return overflow ? nil : Money(cents: product)
    }

    /// Parses a plain decimal string ("1234.56", "-3", "10.5"); at most two decimals.
    public init?(decimal text: String) {
        guard let cents = Self.parseScaled(text, decimals: 2) else { return nil }
        self.cents = cents
    }

    /// The amount as a decimal string with two decimals ("1234.56").
    public var decimalString: String { Self.formatScaled(cents, decimals: 2) }

    /// The amount formatted for people, e.g. "R$ 1.234,56" (pt-BR) or "R$1,234.56" (en).
    public func formatted(currency: String, language: Language) -> String {
        let symbol = currency == "BRL" ? "R$" : currency == "USD" ? "$" : currency == "EUR" ? "€" : currency
        let negative = cents < 0
        let whole = String(abs(cents) / 100)
        let fraction = String(format: "%02d", abs(cents) % 100)
        let (group, point) = language == .en ? (",", ".") : (".", ",")
        var grouped = ""
        for (index, char) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(contentsOf: group) }
            grouped.append(char)
        }
        let number = String(grouped.reversed()) + point + fraction
        let spaced = language == .en ? symbol + number : symbol + " " + number
        return negative ? "-" + spaced : spaced
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(cents: lhs.cents * rhs) }

    /// Applies a percentage in basis points (1000 = 10%), rounding half away from zero.
    /// Never traps: the amount is split into whole units of 10,000 and a remainder so the products stay small,
    /// and a result beyond `Int` saturates (callers bound their results against `Money.limit`).
    public func percent(basisPoints: Int) -> Money {
        let (whole, rest) = cents.quotientAndRemainder(dividingBy: 10_000)
        let (big, overflowBig) = whole.multipliedReportingOverflow(by: basisPoints)
        let (small, overflowSmall) = rest.multipliedReportingOverflow(by: basisPoints)
        let negativeResult = (cents < 0) != (basisPoints < 0)
        guard !overflowBig, !overflowSmall else { return Money(cents: negativeResult ? Int.min + 1 : Int.max) }
        let roundedSmall = (small.magnitude + 5000) / 10000
        let (total, overflow) = big.addingReportingOverflow(small < 0 ? -Int(roundedSmall) : Int(roundedSmall))
        guard !overflow else { return Money(cents: negativeResult ? Int.min + 1 : Int.max) }
        return Money(cents: total)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Money(decimal: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not money"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }

    /// Parses "123", "-1.5", "0.05" into an integer scaled by 10^decimals, exactly; nil when malformed.
    public static func parseScaled(_ text: String, decimals: Int) -> Int? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholePart = parts.first, !wholePart.isEmpty,
              wholePart.allSatisfy(\.isASCIIDigit), wholePart.count <= 13 else { return nil }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard fractionPart.count <= decimals, fractionPart.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || !fractionPart.isEmpty else { return nil }
        let padded = fractionPart + String(repeating: "0", count: decimals - fractionPart.count)
        guard let whole = Int(wholePart), let fraction = Int(padded.isEmpty ? "0" : padded) else { return nil }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let value = whole * scale + fraction
        return negative ? -value : value
    }

    /// Formats an integer scaled by 10^decimals as a decimal string.
    public static func formatScaled(_ value: Int, decimals: Int, trimZeros: Bool = false) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let sign = value < 0 ? "-" : ""
        let whole = abs(value) / scale
        var fraction = String(abs(value) % scale)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        if trimZeros {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

extension Character {
    /// True for the ASCII digits 0–9 only.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// A percentage kept exactly as basis points (12.5% is 1250).
public struct Percent: Sendable, Hashable, Codable {
    /// Hundredths of a percent.
    public var basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    /// Parses "12.5" or "10" (percent units, at most two decimals).
    public init?(decimal text: String) {
        guard let value = Money.parseScaled(text, decimals: 2) else { return nil }
        basisPoints = value
    }

    /// The value in percent units as a trimmed decimal string ("12.5").
    public var decimalString: String { Money.formatScaled(basisPoints, decimals: 2, trimZeros: true) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self), let value = Percent(decimal: String(number)) {
            self = value
        } else if let value = Percent(decimal: try container.decode(String.self)) {
            self = value
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a percent"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }
}
