import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Bad input gets a clear 4xx with the API's error body — never a 500.
@Suite("Bad input")
struct BadInputTests {
    @Test("malformed JSON, wrong types and unknown fields are 400 with field details")
    func invalidBodies() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            let malformed = try await api.request(.post, "/v1/customers", token: token, raw: "{\"name\":")
            #expect(malformed.status == 400)
            #expect(malformed.errorCode == "invalid_request")
            let wrong = try await api.post("/v1/products", token: token, ["name": 12, "price": true, "stock": "dez", "extra": 1])
            #expect(wrong.status == 400)
            let fields = wrong["error"]?.objectValue?["details"]?.objectValue?["fields"]?.objectValue ?? [:]
            #expect(Set(fields.keys) == ["name", "price", "stock", "extra"])
            #expect(try await api.request(.post, "/v1/customers", token: token, raw: "[1,2]").status == 400)
            #expect(try await api.request(.post, "/v1/customers", token: token, raw: "").status == 400)
            let invalidDoc = try await api.post("/v1/customers", token: token, ["name": "X", "document": "123.456.789-00"])
            #expect(invalidDoc.status == 400)
        }
    }

    @Test("a body over the limit is 413")
    func tooLarge() async throws {
        try await TestApp.run(maxBodyBytes: 4096) { api, _ in
            let token = try await api.login("owner@demo.local")
            let big = try await api.post("/v1/customers", token: token, ["name": .string(String(repeating: "a", count: 10_000))])
            #expect(big.status == 413)
            #expect(big.errorCode == "too_large")
        }
    }

    @Test("unknown ids, non-UUID ids and bad paging are 404/400")
    func unknownIdsAndPaging() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            #expect(try await api.get("/v1/orders/\(UUID().uuidString)", token: token).status == 404)
            #expect(try await api.get("/v1/orders/not-a-uuid", token: token).status == 404)
            #expect(try await api.delete("/v1/products/\(UUID().uuidString)", token: token).status == 404)
            #expect(try await api.get("/v1/customers?limit=abc", token: token).status == 400)
            #expect(try await api.get("/v1/customers?cursor=%%%", token: token).status == 400)
            #expect(try await api.get("/v1/orders?from=yesterday", token: token).status == 400)
            #expect(try await api.get("/v1/nothing-here", token: token).status == 404)
        }
    }

    @Test("random bodies on every create route never produce a 500")
    func noServerErrors() async throws {
        try await TestApp.run { api, _ in
            let token = try await api.login("owner@demo.local")
            let samples: [String] = ["{}", "null", "\"x\"", "{\"name\":null}", "{\"items\":[{}]}", "{\"items\":\"x\"}",
                                     "{\"price\":\"-1\"}", "{\"price\":1e400}", "{\"percent\":500}", "{\"customerId\":\"x\"}",
                                     "{\"startsAt\":\"ontem\"}", "{\"name\":\"\\u0000\"}", "{\"tags\":[1,2]}", "{\"dueDate\":\"2025-02-30\"}",
                                     "{\"amount\":\"1.234\"}", "{\"quantity\":1.5}"]
            for resource in TenantIsolationTests.resources {
                for body in samples {
                    let response = try await api.request(.post, "/v1/\(resource)", token: token, raw: body)
                    #expect(response.status < 500, "POST /v1/\(resource) \(body) → \(response.status) \(response.text)")
                }
            }
        }
    }
}
