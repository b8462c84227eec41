import Foundation

/// Which roles may run which action: the single source the REST routes and the action layer share.
///
/// The defaults are the table of `shared/ACTIONS.md`, plus the actions behind REST routes that the
/// catalogue does not name (listing invoices, deleting an order…). Tenants may override entries.
public struct PermissionMatrix: Sendable, Equatable {
    /// Allowed roles per canonical action name.
    public private(set) var entries: [String: Set<Role>]

    public init(entries: [String: Set<Role>]) {
        self.entries = entries
    }

    /// True when `role` may run `action` (aliases resolve to their canonical name).
    public func allows(_ role: Role, _ action: String) -> Bool {
        entries[Self.canonicalName(action)]?.contains(role) ?? false
    }

    /// The roles allowed to run `action`, most powerful first.
    public func roles(for action: String) -> [Role] {
        (entries[Self.canonicalName(action)] ?? []).sorted()
    }

    /// Replaces the roles of one action; owners always keep access so a tenant cannot lock itself out.
    public mutating func set(_ action: String, roles: Set<Role>) {
        entries[Self.canonicalName(action)] = roles.union([.owner])
    }

    /// Maps an alias (`createClient`) to its canonical name (`createCustomer`).
    public static func canonicalName(_ name: String) -> String {
        aliases[name] ?? name
    }

    /// Aliases of ACTIONS.md.
    public static let aliases: [String: String] = [
        "createClient": "createCustomer",
        "updateClient": "updateCustomer",
        "deleteClient": "deleteCustomer",
    ]

    /// The default matrix.
    public static let defaults = PermissionMatrix(entries: DefaultPermissions.table)
}

/// The default role table, written as in ACTIONS.md.
enum DefaultPermissions {
    static let all = Set(Role.allCases)
    static let allButViewer = all.subtracting([.viewer])
    static let oam: Set<Role> = [.owner, .admin, .manager]

    static let table: [String: Set<Role>] = catalogue.merging(restOnly) { first, _ in first }

    /// ACTIONS.md, row by row.
    static let catalogue: [String: Set<Role>] = [
        "createCustomer": oam.union([.attendant]),
        "updateCustomer": oam.union([.attendant]),
        "deleteCustomer": oam,
        "addNoteToClient": allButViewer,
        "scheduleJob": oam.union([.attendant]),
        "listAgenda": all,
        "createAgendaTask": all,
        "createInvoice": oam.union([.finance]),
        "sendPaymentReminder": oam.union([.finance]),
        "fetchKpis": oam.union([.finance]),
        "escalateTicket": oam.union([.attendant, .assistant]),
        "createProduct": oam.union([.editor]),
        "updateProduct": oam.union([.editor]),
        "deleteProduct": oam,
        "bulkUpdateProductsNCM": oam,
        "bulkUpdateProductsCEST": oam,
        "bulkUpdateProductsPrice": oam,
        "bulkUpdateProductsStock": oam,
        "bulkActivateProducts": oam,
        "createCategory": oam.union([.editor]),
        "updateCategory": oam.union([.editor]),
        "deleteCategory": oam,
        "createDiscount": oam,
        "updateDiscount": oam,
        "deleteDiscount": oam,
        "updateOrderStatus": oam.union([.attendant]),
        "bulkUpdateOrderStatus": oam,
        "addOrderNote": oam.union([.attendant]),
        "salesReport": oam.union([.editor, .finance, .viewer]),
        "inventoryReport": oam.union([.editor, .viewer]),
        "customersReport": oam.union([.editor, .viewer]),
        "updateStoreSettings": [.owner, .admin],
        "searchCustomers": all,
        "getOrder": all,
        "search_kb": all,
        "previousConversations": oam.union([.attendant, .assistant, .viewer]),
        "transferToHuman": oam.union([.attendant, .assistant]),
        "closeConversation": oam.union([.attendant]),
        "updateContact": oam.union([.attendant]),
        "addTag": oam.union([.attendant, .assistant]),
        "createActivity": allButViewer,
        "moveToStage": oam.union([.attendant]),
        "scheduleFollowUp": oam.union([.attendant, .assistant]),
    ]

    /// Actions behind REST routes that ACTIONS.md does not list; same rules, named here once.
    static let restOnly: [String: Set<Role>] = [
        "listProducts": all,
        "searchProducts": all,
        "listCategories": all,
        "listDiscounts": oam.union([.editor, .finance, .attendant]),
        "listOrders": all,
        "createOrder": oam.union([.attendant]),
        "deleteOrder": oam,
        "listInvoices": oam.union([.finance, .attendant]),
        "updateInvoice": oam.union([.finance]),
        "deleteInvoice": oam.union([.finance]),
        "registerPayment": oam.union([.finance]),
        "updateAgendaTask": allButViewer,
        "deleteAgendaTask": oam.union([.attendant]),
        "listTickets": all,
        "createTicket": oam.union([.attendant, .assistant]),
        "updateTicket": oam.union([.attendant, .assistant]),
        "deleteTicket": oam,
        "listNotes": all,
        "deleteNote": oam,
        "listContacts": all,
        "createContact": oam.union([.attendant]),
        "deleteContact": oam,
        "getStoreSettings": all,
        "listUsers": oam,
        "manageUsers": [.owner, .admin],
        "manageApiTokens": [.owner, .admin],
        "listBranches": all,
        "managePermissions": [.owner, .admin],
        "viewAudit": oam,
        "manageTools": [.owner, .admin],
        "listKnowledge": all,
        "manageKnowledge": oam.union([.editor]),
        "manageProviders": [.owner, .admin],
        "viewUsage": oam.union([.finance]),
        "viewInbox": oam.union([.attendant, .assistant, .viewer]),
        "replyInbox": oam.union([.attendant, .assistant]),
        "manageInbox": oam.union([.attendant]),
        "manageAIAgents": oam,
        "manageChannels": [.owner, .admin],
        "manageCopilots": oam,
        "viewInsights": oam.union([.attendant, .assistant, .viewer]),
        "decideInsights": oam.union([.attendant, .assistant]),
        "emitEvents": oam.union([.attendant, .assistant]),
    ]
}
