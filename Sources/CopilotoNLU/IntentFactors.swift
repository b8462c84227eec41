import Foundation

/// What an action is made of — an operation (create, delete, read…) and a thing (customer, product…) — so the
/// model shares what it learns across actions: "tira" learned from deleting products and categories, and
/// "cadastro" learned from creating customers, together point to deleting a customer even in words no
/// deleteCustomer sentence used. An action's score is its own weights plus its operation's and its thing's.
public enum IntentFactors {
    static let table: [String: (String, String)] = [
        "createCustomer": ("create", "customer"), "updateCustomer": ("update", "customer"), "deleteCustomer": ("delete", "customer"),
        "addNoteToClient": ("note", "customer"), "searchCustomers": ("read", "customer"), "scheduleJob": ("schedule", "agenda"),
        "listAgenda": ("read", "agenda"), "createAgendaTask": ("create", "agenda"), "createInvoice": ("create", "invoice"),
        "sendPaymentReminder": ("remind", "invoice"), "listOverdueInvoices": ("read", "invoice"), "fetchKpis": ("read", "report"),
        "salesReport": ("read", "report"), "customersReport": ("read", "report"), "inventoryReport": ("read", "report"),
        "escalateTicket": ("escalate", "ticket"), "createProduct": ("create", "product"), "updateProduct": ("update", "product"),
        "deleteProduct": ("delete", "product"), "bulkUpdateProductsNCM": ("bulk", "product"), "bulkUpdateProductsCEST": ("bulk", "product"),
        "bulkUpdateProductsPrice": ("bulk", "product"), "bulkUpdateProductsStock": ("bulk", "product"),
        "bulkActivateProducts": ("bulk", "product"), "createCategory": ("create", "category"), "updateCategory": ("update", "category"),
        "deleteCategory": ("delete", "category"), "createDiscount": ("create", "discount"), "updateDiscount": ("update", "discount"),
        "deleteDiscount": ("delete", "discount"), "updateOrderStatus": ("update", "order"), "bulkUpdateOrderStatus": ("bulk", "order"),
        "addOrderNote": ("note", "order"), "getOrder": ("read", "order"), "updateStoreSettings": ("update", "settings"),
        IntentModel.none: ("none", "none"), IntentModel.knowledge: ("none", "knowledge"),
    ]

    /// The factor columns of a label ("op:delete", "on:customer"); none for a label the table does not know.
    public static func of(_ label: String) -> [String] {
        guard let (operation, thing) = table[label] else { return [] }
        return ["op:" + operation, "on:" + thing]
    }

    /// The columns of a model over `classes`: each class, then every factor any class uses; and the columns that
    /// add up to each class's score.
    public static func layout(_ classes: [String]) -> (columns: [String], members: [[Int]]) {
        var columns = classes
        var index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let members = classes.enumerated().map { position, label -> [Int] in
            [position] + of(label).map { factor in
                if let at = index[factor] { return at }
                columns.append(factor)
                index[factor] = columns.count - 1
                return columns.count - 1
            }
        }
        return (columns, members)
    }
}
