import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// End-to-end CRM behaviour through the REST API.
@Suite("CRM flows")
struct CRMFlowTests {
    @Test("customers are normalised on create and merge-patched on update")
    func customerLifecycle() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("attendant@demo.local")
            let created = try await api.post("/v1/customers", token: token, [
                "name": "Fernanda Costa", "email": "Fernanda@Exemplo.com.BR", "phone": "(11) 91234-5678",
                "document": "529.982.247-25", "tags": ["vip", "VIP", "atacado"],
            ])
            #expect(created.status == 201)
            #expect(created.json.string("email") == "fernanda@exemplo.com.br")
            #expect(created.json.string("phone") == "+5511912345678")
            #expect(created.json.string("document") == "52998224725")
            #expect(created["tags"] == ["vip", "atacado"])
            let id = try #require(created.json.string("id"))
            let patched = try await api.patch("/v1/customers/\(id)", token: token, ["email": .null, "name": "Fernanda C. Costa"])
            #expect(patched.status == 200)
            #expect(patched.json.string("email") == nil)
            #expect(patched.json.string("phone") == "+5511912345678")
            let found = try await api.get("/v1/customers?q=fernanda%20c", token: token)
            #expect(found.items.map { $0.string("id") } == [id])
            #expect(try await api.patch("/v1/customers/\(id)", token: token, ["name": .null]).status == 400)
        }
    }

    @Test("placing an order takes stock and numbers it; cancelling gives stock back")
    func orderStock() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("manager@demo.local")
            let product = try await api.post("/v1/products", token: token, ["name": "Óleo Capilar", "sku": "oleo-1",
                                                                            "price": "49.90", "stock": 5, "ncm": "3305.90.00"])
            #expect(product.json.string("sku") == "OLEO-1")
            #expect(product.json.string("ncm") == "33059000")
            let productId = try #require(product.json.string("id"))
            let order = try await api.post("/v1/orders", token: token, ["items": [["productId": .string(productId), "quantity": 2],
                                                                                   ["description": "Frete", "quantity": 1, "unitPrice": "15"]]])
            #expect(order.status == 201)
            #expect(order.json.string("total") == "114.80")
            if case .number(let number)? = order["number"] { #expect(number > 1001) }
            #expect(try await api.get("/v1/products/\(productId)", token: token)["stock"] == 3)
            let orderId = try #require(order.json.string("id"))
            let tooMany = try await api.post("/v1/orders", token: token, ["items": [["productId": .string(productId), "quantity": 9]]])
            #expect(tooMany.status == 409)
            #expect(try await api.patch("/v1/orders/\(orderId)", token: token, ["status": "cancelled"]).status == 200)
            #expect(try await api.get("/v1/products/\(productId)", token: token)["stock"] == 5)
            #expect(try await api.patch("/v1/orders/\(orderId)", token: token, ["status": "paid"]).status == 400)
            #expect(try await api.patch("/v1/orders/\(orderId)", token: token, ["items": []]).status == 400)
        }
    }

    @Test("a coupon lowers the total and counts its use")
    func discountApplied() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            let coupon = try await api.post("/v1/discounts", token: token, ["code": "teste10", "percent": 10])
            #expect(coupon.status == 201)
            let order = try await api.post("/v1/orders", token: token, [
                "discountCode": "TESTE10", "items": [["description": "Kit", "quantity": 1, "unitPrice": "200.00"]],
            ])
            #expect(order.json.string("discountTotal") == "20.00")
            #expect(order.json.string("total") == "180.00")
            let stored = try await api.get("/v1/discounts/\(try #require(coupon.json.string("id")))", token: token)
            #expect(stored["usageCount"] == 1)
            #expect(try await api.post("/v1/discounts", token: token, ["code": "TESTE10", "amount": "5"]).status == 409)
        }
    }

    @Test("invoices get numbers, take payments and refuse overpayment")
    func invoicePayments() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("finance@demo.local")
            let customer = try await api.firstId("/v1/customers", token: token)
            let invoice = try await api.post("/v1/invoices", token: token, ["customerId": .string(customer), "amount": "300.00",
                                                                            "dueDate": "2030-05-10"])
            #expect(invoice.status == 201)
            let id = try #require(invoice.json.string("id"))
            let partial = try await api.post("/v1/invoices/\(id)/payments", token: token, ["amount": "100", "method": "pix"])
            #expect(partial.status == 201)
            #expect(partial.json.string("status") == "open")
            #expect(try await api.post("/v1/invoices/\(id)/payments", token: token, ["amount": "250"]).status == 409)
            let rest = try await api.post("/v1/invoices/\(id)/payments", token: token, [:])
            #expect(rest.json.string("status") == "paid")
            #expect(rest.json.string("paidAmount") == "300.00")
        }
    }

    @Test("lists page with cursors and filter by status")
    func paging() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            var cursor: String? = nil
            var ids = Set<String>()
            var pages = 0
            repeat {
                let path = "/v1/orders?limit=100" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await api.get(path, token: token)
                ids.formUnion(page.items.compactMap { $0.string("id") })
                cursor = page.json.string("nextCursor")
                pages += 1
            } while cursor != nil && pages < 20
            #expect(ids.count >= 200)
            let cancelled = try await api.get("/v1/orders?status=cancelled&limit=200", token: token)
            #expect(!cancelled.items.isEmpty)
            #expect(cancelled.items.allSatisfy { $0.string("status") == "cancelled" })
        }
    }
}
