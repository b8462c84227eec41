import CopilotoCore
import Foundation

/// Seeds the demo on an empty database: tenant `demo` ("Loja Demo", a beauty shop with three months of
/// Brazilian data and one user per role) and tenant `outra` ("Outra Empresa", a small stationery shop).
///
/// Everything is derived from seeded random streams and the injected `now`: the same `now` gives the
/// same records, ids included.
public struct DemoSeeder: Sendable {
    /// The password of every demo login.
    public static let password = "demo1234"

    /// The logins printed at start-up: (email, role) pairs, password is `DemoSeeder.password`.
    public static let logins: [(email: String, role: Role)] =
        DemoPeople.staff.map { (email: "\($0.role.rawValue)@demo.local", role: $0.role) }
            + [(email: "owner@outra.local", role: .owner)]

    let store: any DataStore
    let passwords: any PasswordHasher
    let now: Date

    /// A seeder writing to `store`, hashing with `passwords`, placing history relative to `now`.
    public init(store: any DataStore, passwords: any PasswordHasher, now: Date = Date()) {
        self.store = store
        self.passwords = passwords
        self.now = now
    }

    /// Seeds tenants `demo` ("Loja Demo") and `outra` ("Outra Empresa") when the database has no tenants;
    /// returns false if it already had data.
    @discardableResult
    public func seedIfEmpty() async throws -> Bool {
        guard try await store.system.tenantCount() == 0 else { return false }
        // bcrypt is slow on purpose: hash once and give every demo user the same hash.
        let passwordHash = try await passwords.hashOffPool(Self.password)
        var rng = SeededGenerator(label: "tenants")
        let staff = DemoPeople.staff.map { (name: $0.name, email: "\($0.role.rawValue)@demo.local", role: $0.role) }
        let demo = try await createTenant(slug: "demo", name: "Loja Demo", staff: staff, passwordHash: passwordHash, rng: &rng)
        let other = try await createTenant(slug: "outra", name: "Outra Empresa",
                                           staff: [(name: DemoPeople.otherOwner, email: "owner@outra.local", role: .owner)],
                                           passwordHash: passwordHash, rng: &rng)
        try await write(DemoDataPlan.demo(demo), to: demo.tenantId)
        try await write(DemoDataPlan.other(other), to: other.tenantId)
        var knowledgeRNG = SeededGenerator(label: "knowledge")
        try await DemoKnowledge.seed(store, tenantId: demo.tenantId, now: now, rng: &knowledgeRNG)
        return true
    }

    /// Creates a tenant with its store settings and users; returns the context its data is built in.
    func createTenant(slug: String, name: String, staff: [(name: String, email: String, role: Role)],
                      passwordHash: String, rng: inout SeededGenerator) async throws -> DemoContext {
        let tenantId = rng.uuid()
        var settings = StoreSettings(tenantId: tenantId, name: name, businessHours: Self.businessHours, updatedAt: now)
        let calendar = LocalCalendar(timeZone: settings.timeZone)
        let opened = calendar.at(hour: 8, on: calendar.adding(days: -210, to: calendar.startOfDay(now)))
        settings.updatedAt = opened
        try await store.system.createTenant(Tenant(id: tenantId, slug: slug, name: name, createdAt: opened), settings: settings)
        var users: [User] = []
        for (index, member) in staff.enumerated() {
            let user = User(id: rng.uuid(), tenantId: tenantId, name: member.name, email: member.email, role: member.role,
                            language: .ptBR, createdAt: opened.addingTimeInterval(Double(index + 1) * 600))
            try await store.system.createUser(user, passwordHash: passwordHash)
            users.append(user)
        }
        return DemoContext(tenantId: tenantId, now: now, calendar: calendar, staff: users)
    }

    /// Opening hours of both demo stores: Monday to Friday 9h–19h, Saturday 9h–17h, closed on Sunday.
    static let businessHours: JSONValue = .object([
        "mon": .array([.string("09:00"), .string("19:00")]),
        "tue": .array([.string("09:00"), .string("19:00")]),
        "wed": .array([.string("09:00"), .string("19:00")]),
        "thu": .array([.string("09:00"), .string("19:00")]),
        "fri": .array([.string("09:00"), .string("19:00")]),
        "sat": .array([.string("09:00"), .string("17:00")]),
    ])
}
