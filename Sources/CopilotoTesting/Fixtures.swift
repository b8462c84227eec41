import CopilotoCore
import Foundation

/// Small builders for records tests need.
public enum Fixtures {
    /// Creates a tenant with default settings and returns it.
    @discardableResult
    public static func tenant(_ store: any DataStore, slug: String = "t-\(UUID().uuidString.prefix(8).lowercased())") async throws -> Tenant {
        let tenant = Tenant(slug: slug, name: "Empresa \(slug)")
        try await store.system.createTenant(tenant, settings: StoreSettings(tenantId: tenant.id, name: tenant.name))
        return tenant
    }

    /// Creates a user with a known password hash string (not a real KDF hash unless one is given).
    @discardableResult
    public static func user(_ store: any DataStore, tenant: Tenant, role: Role, passwordHash: String = "x") async throws -> User {
        let user = User(tenantId: tenant.id, name: "Pessoa \(role.rawValue)",
                        email: "\(role.rawValue)-\(UUID().uuidString.prefix(6).lowercased())@\(tenant.slug).test", role: role)
        try await store.system.createUser(user, passwordHash: passwordHash)
        return user
    }

    /// A customer in `tenant` (not stored).
    public static func customer(_ tenant: Tenant, name: String = "João da Silva", createdAt: Date = Date()) -> Customer {
        Customer(tenantId: tenant.id, name: name, email: "joao@exemplo.com.br", phone: "+5511988881234",
                 document: "12345678909", tags: ["vip"], createdAt: createdAt)
    }

    /// A product in `tenant` (not stored).
    public static func product(_ tenant: Tenant, sku: String = "SKU-\(UUID().uuidString.prefix(6))", price: Int = 3990,
                               stock: Int = 10) -> Product {
        Product(tenantId: tenant.id, name: "Shampoo Hidratante 500ml", sku: sku, price: Money(cents: price), stock: stock,
                ncm: "33051000")
    }
}
