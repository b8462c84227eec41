import CopilotoActions
import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Testing

@Suite("Tenant LLM providers")
struct ProviderSettingsTests {
    @Test("owners store providers with sealed keys; the tenant's chain calls them with the key")
    func configureAndUse() async throws {
        let server = FakeOpenAIServer([.text("Olá da OpenRouter!")])
        try await server.run { url in
            try await TestApp.run { api, info in
                let owner = try await api.login("owner@demo.local")
                let created = try await api.post("/v1/settings/llm-providers", token: owner, [
                    "name": "openrouter", "baseURL": .string(url), "model": "openai/gpt-4o-mini", "apiKey": "sk-or-secret",
                    "headers": ["X-Title": "Copiloto"],
                ])
                #expect(created.status == 201)
                #expect(created["hasKey"] == true)
                #expect(!created.text.contains("sk-or-secret"))
                let viewer = try await api.login("viewer@demo.local")
                #expect(try await api.get("/v1/settings/llm-providers", token: viewer).status == 403)
                let outsider = try await api.login("owner@outra.local")
                #expect(try await api.get("/v1/settings/llm-providers", token: outsider).items.isEmpty)

                let tenant = try #require(try await info.store.system.tenant(slug: "demo"))
                let stored = try await info.store.withTenant(tenant.id) { try await $0.llmProviders.list() }
                #expect(stored.first?.sealedKey?.contains("sk-or-secret") == false)
                let service = ProviderSettingsService(store: info.store, authorizer: Authorizer(),
                                                      sealer: SecretBox(secret: Data("test-secret".utf8)))
                let local = ScriptedModel([])
                let chain = try await service.chain(tenantId: tenant.id, then: [local], breaker: CircuitBreaker())
                let response = try await chain.respond(ModelRequest(messages: [.user("Oi")], settings: ModelSettings(model: "openai/gpt-4o-mini")))
                #expect(response.text == "Olá da OpenRouter!")
                #expect(response.provider == "openrouter")
                #expect(server.authorizationHeaders == ["Bearer sk-or-secret"])
            }
        }
    }
}
