import CopilotoCore
import Foundation

/// The action catalogue of `shared/ACTIONS.md` (the parts built so far).
public enum Catalogue {
    public static var all: [ActionDefinition] { customers + catalog + operations + reads + bulk + [bulkOrders] + reports + settings + [knowledge] + inbox }

    static let customerFields: [String: JSONValue] = [
        "name": Schema.string("Nome do cliente / customer name"),
        "email": Schema.string("E-mail", maxLength: 254, format: "email"),
        "phone": Schema.string("Telefone (E.164 ou formato brasileiro)", maxLength: 40),
        "document": Schema.string("CPF ou CNPJ", maxLength: 20),
        "tags": Schema.array("Etiquetas", of: Schema.string("Etiqueta", maxLength: 60), maxItems: 50),
    ]

    static let customers: [ActionDefinition] = [
        ResourceActions.create(Resources.customers, name: "createCustomer", aliases: ["createClient"],
                               title: LocalizedText("Criar cliente", "Create customer"),
                               description: LocalizedText("Cadastra um novo cliente.", "Registers a new customer."),
                               parameters: Schema.object(customerFields, required: ["name"])),
        ResourceActions.update(Resources.customers, name: "updateCustomer", aliases: ["updateClient"], idParam: "customerId",
                               title: LocalizedText("Alterar cliente", "Update customer"),
                               description: LocalizedText("Altera dados de um cliente.", "Changes a customer's details."),
                               parameters: Schema.object(customerFields.merging(["customerId": Schema.uuid("Cliente")]) { a, _ in a },
                                                         required: ["customerId"])),
        ResourceActions.delete(Resources.customers, name: "deleteCustomer", aliases: ["deleteClient"], idParam: "customerId",
                               title: LocalizedText("Excluir cliente", "Delete customer"),
                               description: LocalizedText("Exclui um cliente sem pedidos ou faturas.",
                                                          "Deletes a customer with no orders or invoices.")),
        ResourceActions.create(Resources.notes, name: "addNoteToClient", title: LocalizedText("Anotar no cliente", "Add note to customer"),
                               description: LocalizedText("Adiciona uma nota ao cliente.", "Adds a note to a customer."),
                               parameters: Schema.object(["customerId": Schema.uuid("Cliente"), "text": Schema.string("Texto", maxLength: 5000)],
                                                         required: ["customerId", "text"]),
                               body: { $0.renaming(["customerId": "subjectId"]).setting("subjectType", "customer") }),
    ]

    static let productFields: [String: JSONValue] = [
        "name": Schema.string("Nome do produto"), "price": Schema.money("Preço"), "sku": Schema.string("SKU", maxLength: 60),
        "stock": Schema.integer("Estoque"), "categoryId": Schema.uuid("Categoria"),
        "ncm": Schema.string("NCM (8 dígitos)", maxLength: 12), "cest": Schema.string("CEST (7 dígitos)", maxLength: 12),
        "active": Schema.boolean("Ativo"),
    ]
    static let categoryFields: [String: JSONValue] = ["name": Schema.string("Nome", maxLength: 100), "parentId": Schema.uuid("Categoria-mãe")]
    static let discountFields: [String: JSONValue] = [
        "code": Schema.string("Código do cupom", maxLength: 40), "percent": Schema.percent("Percentual de desconto", minimum: 0, maximum: 100),
        "amount": Schema.money("Valor de desconto"), "validUntil": Schema.dateTime("Válido até"),
        "minOrderValue": Schema.money("Pedido mínimo"), "usageLimit": Schema.integer("Limite de usos", minimum: 1, maximum: 10_000_000),
        "active": Schema.boolean("Ativo"),
    ]

    static let catalog: [ActionDefinition] = [
        ResourceActions.create(Resources.products, name: "createProduct", title: LocalizedText("Criar produto", "Create product"),
                               description: LocalizedText("Cadastra um produto.", "Creates a product."),
                               parameters: Schema.object(productFields, required: ["name", "price"])),
        ResourceActions.update(Resources.products, name: "updateProduct", idParam: "productId",
                               title: LocalizedText("Alterar produto", "Update product"),
                               description: LocalizedText("Altera um produto.", "Changes a product."),
                               parameters: Schema.object(productFields.merging(["productId": Schema.uuid("Produto")]) { a, _ in a },
                                                         required: ["productId"])),
        ResourceActions.delete(Resources.products, name: "deleteProduct", idParam: "productId",
                               title: LocalizedText("Excluir produto", "Delete product"),
                               description: LocalizedText("Exclui um produto.", "Deletes a product.")),
        ResourceActions.create(Resources.categories, name: "createCategory", title: LocalizedText("Criar categoria", "Create category"),
                               description: LocalizedText("Cria uma categoria.", "Creates a category."),
                               parameters: Schema.object(categoryFields, required: ["name"])),
        ResourceActions.update(Resources.categories, name: "updateCategory", idParam: "categoryId",
                               title: LocalizedText("Alterar categoria", "Update category"),
                               description: LocalizedText("Altera uma categoria.", "Changes a category."),
                               parameters: Schema.object(categoryFields.merging(["categoryId": Schema.uuid("Categoria")]) { a, _ in a },
                                                         required: ["categoryId"])),
        ResourceActions.delete(Resources.categories, name: "deleteCategory", idParam: "categoryId",
                               title: LocalizedText("Excluir categoria", "Delete category"),
                               description: LocalizedText("Exclui uma categoria vazia.", "Deletes an empty category.")),
        ResourceActions.create(Resources.discounts, name: "createDiscount", title: LocalizedText("Criar cupom", "Create discount"),
                               description: LocalizedText("Cria um cupom de desconto (percentual ou valor).",
                                                          "Creates a coupon (percent or amount)."),
                               parameters: Schema.object(discountFields, required: ["code"])),
        ResourceActions.update(Resources.discounts, name: "updateDiscount", idParam: "discountId",
                               title: LocalizedText("Alterar cupom", "Update discount"),
                               description: LocalizedText("Altera um cupom.", "Changes a coupon."),
                               parameters: Schema.object(discountFields.merging(["discountId": Schema.uuid("Cupom")]) { a, _ in a },
                                                         required: ["discountId"]),
                               patch: { params in
                                   // A coupon is either a percentage or an amount: setting one clears the other.
                                   if params["percent"] != nil { return params.setting("amount", .null) }
                                   if params["amount"] != nil { return params.setting("percent", .null) }
                                   return params
                               }),
        ResourceActions.delete(Resources.discounts, name: "deleteDiscount", idParam: "discountId",
                               title: LocalizedText("Excluir cupom", "Delete discount"),
                               description: LocalizedText("Exclui um cupom.", "Deletes a coupon.")),
    ]
}
