import CopilotoCore
import Foundation
import Testing

/// Issue #17, item 1, at the unit level: the numeric helpers never trap, whatever number arrives.
@Suite("Numeric bounds")
struct NumericBoundsTests {
    static let extremes: [Double] = [9.223372036854775807e18, -9.223372036854775808e18, 1e308, -1e308, -0.0, 1e-9, 1.5,
                                     1234567890123456789012345678901234567890]

    @Test("a percentage of any amount is the exact rounded product, and saturates instead of trapping")
    func percent() {
        for cents in [0, 1, 5, 3990, -3990, 99_999, 100_000_000_000, -100_000_000_000] {
            for points in [0, 1, 1000, -1000, 5000, 10_000, 100_000, -9000] {
                let product = cents * points
                let expected = (abs(product) + 5000) / 10000 * (product < 0 ? -1 : 1)
                #expect(Money(cents: cents).percent(basisPoints: points).cents == expected, "\(cents) × \(points)")
            }
        }
        #expect(Money(cents: Int.max).percent(basisPoints: 100_000).cents == Int.max)
        #expect(Money(cents: Int.min + 1).percent(basisPoints: 100_000).cents == Int.min + 1)
        #expect(Money.checkedSum([Money(cents: Int.max), Money(cents: 1)]) == nil)
        #expect(Money(cents: Int.max).multiplied(by: 2) == nil)
        #expect(Money.checkedSum([Money(cents: 5), Money(cents: 7)]) == Money(cents: 12))
    }

    @Test("intValue is nil for anything not an exact whole number within ±2^53")
    func intValue() {
        for number in Self.extremes { _ = JSONValue.number(number).intValue }
        #expect(JSONValue.number(1e308).intValue == nil)
        #expect(JSONValue.number(9.223372036854775807e18).intValue == nil)
        #expect(JSONValue.number(1.5).intValue == nil)
        #expect(JSONValue.number(-0.0).intValue == 0)
        #expect(JSONValue.number(1_000_000).intValue == 1_000_000)
        #expect(JSONValue.string("12").intValue == nil)
    }

    @Test("the schema validator bounds every number, also decimals given as strings, and money stays within R$ 1 bilhão")
    func validator() throws {
        let money: JSONValue = ["type": ["string", "number"], "minimum": 0, "maximum": 1_000_000_000]
        let unbounded: JSONValue = ["type": "integer"]
        for number in Self.extremes where number.magnitude > 1e9 {
            #expect(throws: CopilotoError.self) { try SchemaValidator.validate(.number(number), against: money) }
        }
        #expect(throws: CopilotoError.self) { try SchemaValidator.validate("99999999999.99", against: money) }
        #expect(throws: CopilotoError.self) { try SchemaValidator.validate("-1", against: money) }
        #expect(throws: CopilotoError.self) { try SchemaValidator.validate(.number(1e308), against: unbounded) }
        try SchemaValidator.validate("1000000000.00", against: money)
        try SchemaValidator.validate(.number(-0.0), against: money)
        var reader = FieldReader(["price": "1000000000.01", "ok": "999.99", "n": .number(1e308)], allowed: ["price", "ok", "n"])
        #expect(reader.money("price") == nil)
        #expect(reader.money("ok") == Money(cents: 99_999))
        #expect(reader.int("n") == nil)
        #expect(reader.errors.map(\.field) == ["price", "n"])
    }

    @Test("a webhook timestamp outside 2000…tomorrow becomes now")
    func timestamps() {
        let now = Date(timeIntervalSince1970: 1_763_700_000)
        for seconds in Self.extremes + [-1, 0, 4_000_000_000] {
            #expect(InboundMessage.plausibleSeconds(seconds, now: now) == now.timeIntervalSince1970)
        }
        #expect(InboundMessage.plausibleSeconds(1_763_000_000, now: now) == 1_763_000_000)
        #expect(InboundMessage.plausibleSeconds(nil, now: now) == now.timeIntervalSince1970)
    }
}
