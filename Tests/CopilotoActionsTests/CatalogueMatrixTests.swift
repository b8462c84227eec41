import CopilotoActions
import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Every action × every role × own/other tenant: allowed, 403, or (for another tenant's records) 404.
@Suite("Catalogue matrix")
struct CatalogueMatrixTests {
    @Test("every action of ACTIONS.md is registered, aliases included")
    func registered() {
        let registry = ActionRegistry.standard
        for name in DefaultRoleNames.catalogue {
            #expect(registry.definition(name) != nil, "\(name)")
        }
        #expect(registry.definition("createClient")?.name == "createCustomer")
        #expect(registry.definition("deleteClient")?.risk == .destructive)
    }

    @Test("each role may prepare exactly the actions the matrix gives it", arguments: Backend.allCases)
    func rolesMatrix(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let owner = try await h.identity("owner@demo.local")
            let samples = try await SampleParams.build(h, tenant: owner.tenantId)
            for role in Role.allCases {
                let identity = try await h.identity("\(role.rawValue)@demo.local")
                for definition in ActionRegistry.standard.all {
                    let params = try #require(samples.byAction[definition.name], "sample for \(definition.name)")
                    let allowed = PermissionMatrix.defaults.allows(role, definition.name)
                    do {
                        let outcome = try await h.service.prepare(identity, action: definition.name, params: params, sessionId: nil,
                                                                  language: .ptBR)
                        #expect(allowed, "\(role) should not run \(definition.name)")
                        if case .pending = outcome { #expect(definition.risk != .read) }
                    } catch CopilotoError.forbidden {
                        #expect(!allowed, "\(role) should run \(definition.name)")
                    }
                }
            }
        }
    }

    @Test("another tenant's ids are not found", arguments: Backend.allCases)
    func otherTenant(backend: Backend) async throws {
        try await ActionHarness.run(backend) { h in
            let demo = try await h.identity("owner@demo.local")
            let outsider = try await h.identity("owner@outra.local")
            let samples = try await SampleParams.build(h, tenant: demo.tenantId)
            let referencing = ["updateCustomer", "deleteCustomer", "addNoteToClient", "createInvoice", "sendPaymentReminder",
                               "updateProduct", "deleteProduct", "bulkUpdateProductsCEST", "updateCategory", "deleteCategory",
                               "updateDiscount", "deleteDiscount", "scheduleJob"]
            for name in referencing {
                await #expect(throws: CopilotoError.self, "\(name)") {
                    _ = try await h.service.prepare(outsider, action: name, params: samples.byAction[name] ?? [:], sessionId: nil,
                                                    language: .ptBR)
                }
            }
        }
    }

    @Test("every write previews in pt-BR and English; bulk previews count exactly")
    func previews() async throws {
        try await ActionHarness.run(.sqlite) { h in
            let owner = try await h.identity("owner@demo.local")
            let samples = try await SampleParams.build(h, tenant: owner.tenantId)
            let productCount = try await h.store.withTenant(owner.tenantId) { try await $0.products.count(PageRequest()) }
            for definition in ActionRegistry.standard.all where definition.risk != .read {
                var summaries: [String] = []
                for language in Language.allCases {
                    let outcome = try await h.service.prepare(owner, action: definition.name, params: samples.byAction[definition.name] ?? [:],
                                                              sessionId: nil, language: language)
                    guard case .pending(let pending) = outcome else { Issue.record("\(definition.name) not pending"); continue }
                    summaries.append(pending.preview.string("summary") ?? "")
                    if definition.name == "bulkUpdateProductsNCM" { #expect(pending.preview["count"] == .number(Double(productCount))) }
                    if definition.risk == .destructive { #expect(pending.preview["irreversible"] == true) }
                }
                #expect(summaries.count == 2 && summaries[0] != summaries[1] && !summaries[0].isEmpty, "\(definition.name): \(summaries)")
            }
        }
    }
}

/// The names in the ACTIONS.md table (the inbox tools come with the inbox).
enum DefaultRoleNames {
    static let catalogue: Set<String> = [
        "createCustomer", "updateCustomer", "deleteCustomer", "addNoteToClient", "scheduleJob", "listAgenda", "createAgendaTask",
        "createInvoice", "sendPaymentReminder", "fetchKpis", "escalateTicket", "createProduct", "updateProduct", "deleteProduct",
        "bulkUpdateProductsNCM", "bulkUpdateProductsCEST", "bulkUpdateProductsPrice", "bulkUpdateProductsStock",
        "bulkActivateProducts", "createCategory", "updateCategory", "deleteCategory", "createDiscount", "updateDiscount",
        "deleteDiscount", "updateOrderStatus", "bulkUpdateOrderStatus", "addOrderNote", "salesReport", "inventoryReport",
        "customersReport", "updateStoreSettings", "searchCustomers", "getOrder", "search_kb",
    ]
}
