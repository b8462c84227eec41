import CopilotoCore
import Foundation
import Testing

@Suite("Validation and configuration")
struct ValidationTests {
    @Test("the field reader reports every bad field at once")
    func fieldReader() {
        var reader = FieldReader(["name": 1, "price": 19.9, "extra": true, "tags": ["a", 2]], allowed: ["name", "price", "tags"])
        #expect(reader.string("name", required: true) == nil)
        #expect(reader.money("price")?.cents == 1990)
        _ = reader.stringList("tags")
        #expect(Set(reader.errors.map(\.field)) == ["extra", "name", "tags.1"])
        #expect(throws: CopilotoError.self) { try reader.finish() }
    }

    @Test("merge patch keeps, replaces and clears fields")
    func mergePatch() throws {
        let customer = Customer(tenantId: UUID(), name: "Ana", email: "ana@x.com", phone: "+5511999990000")
        let merged = try JSONCoding.mergePatch(customer, fields: ["name", "email", "phone"], patch: ["email": .null, "name": "Ana Paula"])
        #expect(merged == ["name": "Ana Paula", "phone": "+5511999990000"])
    }

    @Test("order status moves forward but never out of cancelled")
    func orderTransitions() {
        #expect(OrderStatus.pending.canMove(to: .paid))
        #expect(OrderStatus.paid.canMove(to: .shipped))
        #expect(!OrderStatus.cancelled.canMove(to: .pending))
        #expect(!OrderStatus.delivered.canMove(to: .cancelled))
    }

    @Test("coupons respect minimum, limit and expiry")
    func coupons() {
        let now = Date()
        let coupon = Discount(tenantId: UUID(), code: "X", percent: Percent(basisPoints: 1000), validUntil: now.addingTimeInterval(60),
                              minOrderValue: Money(cents: 10000), usageLimit: 1)
        #expect(coupon.reduction(on: Money(cents: 20000), at: now) == Money(cents: 2000))
        #expect(coupon.reduction(on: Money(cents: 5000), at: now) == nil)
        #expect(coupon.reduction(on: Money(cents: 20000), at: now.addingTimeInterval(120)) == nil)
        var used = coupon
        used.usageCount = 1
        #expect(used.reduction(on: Money(cents: 20000), at: now) == nil)
    }

    @Test("flags override environment, which overrides the file")
    func configurationPrecedence() throws {
        let config = try AppConfiguration.resolve(
            flags: ["port": "9000"],
            environment: ["COPILOTO_PORT": "7000", "COPILOTO_HOST": "0.0.0.0", "DATABASE_URL": "postgres://db/x"],
            file: ["port": 6000, "host": "file-host", "logLevel": "debug"])
        #expect(config.port == 9000)
        #expect(config.host == "0.0.0.0")
        #expect(config.databaseURL == "postgres://db/x")
        #expect(config.logLevel == "debug")
        #expect(throws: CopilotoError.self) { try AppConfiguration.resolve(flags: ["port": "http"], environment: [:], file: [:]) }
    }

    @Test("the login limiter blocks after the limit and tells when to retry")
    func limiter() throws {
        let limiter = LoginRateLimiter(limit: 2, window: 60)
        let now = Date()
        limiter.recordFailure(["a"], now: now)
        try limiter.check(["a"], now: now)
        limiter.recordFailure(["a"], now: now)
        #expect(throws: CopilotoError.rateLimited(retryAfterSeconds: 60)) { try limiter.check(["a"], now: now) }
        try limiter.check(["a"], now: now.addingTimeInterval(61))
    }
}
