import CopilotoCore
import Foundation

/// `/v1/ai-tools`: owners and admins define custom HTTP tools; secrets are sealed before storage and
/// never returned.
public struct ToolService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer
    public let box: SecretBox
    public let clock: @Sendable () -> Date

    public init(store: any DataStore, authorizer: Authorizer, box: SecretBox, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.authorizer = authorizer
        self.box = box
        self.clock = clock
    }

    static let fields: Set<String> = ["name", "description", "parameters", "method", "urlTemplate", "headers", "authType",
                                      "authName", "secret", "risk", "roles", "timeoutSeconds"]

    public func list(_ identity: Identity) async throws -> [HTTPTool] {
        try await managing(identity) { tx in try await tx.tools.list() }
    }

    public func get(_ identity: Identity, id: UUID) async throws -> HTTPTool {
        try await managing(identity) { tx in try await found(tx, id) }
    }

    public func create(_ identity: Identity, body: JSONValue) async throws -> HTTPTool {
        let tool = try build(body, base: nil, tenantId: identity.tenantId)
        return try await managing(identity) { tx in
            try await tx.tools.save(tool, isNew: true)
            return tool
        }
    }

    /// Applies a merge patch; `secret: null` removes the stored secret, an absent one keeps it.
    public func update(_ identity: Identity, id: UUID, patch: JSONValue) async throws -> HTTPTool {
        try await managing(identity) { tx in
            let existing = try await found(tx, id)
            let merged = try JSONCoding.mergePatch(existing, fields: Self.fields.subtracting(["secret"]), patch: patch.removing(["secret"]))
            var tool = try build(merged.setting("secret", patch["secret"] ?? .null), base: existing, tenantId: identity.tenantId)
            if patch["secret"] == nil { tool.sealedSecret = existing.sealedSecret; tool.hasSecret = existing.hasSecret }
            try await tx.tools.save(tool, isNew: false)
            return tool
        }
    }

    public func delete(_ identity: Identity, id: UUID) async throws {
        try await managing(identity) { tx in
            guard try await tx.tools.delete(id) else { throw CopilotoError.notFound(resource: "ai_tools") }
        }
    }

    public func allowlist(_ identity: Identity) async throws -> [String] {
        try await managing(identity) { tx in try await tx.tools.allowlist() }
    }

    public func saveAllowlist(_ identity: Identity, body: JSONValue) async throws -> [String] {
        var reader = FieldReader(body, allowed: ["hosts"])
        let hosts = reader.stringList("hosts", required: true, maxCount: 100) ?? []
        try reader.finish()
        return try await managing(identity) { tx in
            try await tx.tools.saveAllowlist(hosts.map { $0.lowercased() })
            return try await tx.tools.allowlist()
        }
    }

    private func managing<T: Sendable>(_ identity: Identity, _ body: @Sendable (any TenantStore) async throws -> T) async throws -> T {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageTools", in: tx)
            return try await body(tx)
        }
    }

    private func found(_ tx: any TenantStore, _ id: UUID) async throws -> HTTPTool {
        guard let tool = try await tx.tools.find(id) else { throw CopilotoError.notFound(resource: "ai_tools") }
        return tool
    }

    func build(_ body: JSONValue, base: HTTPTool?, tenantId: UUID) throws -> HTTPTool {
        var r = FieldReader(body, allowed: Self.fields)
        let name = r.formatted("name", required: true, format: "a-z A-Z 0-9 _ -") { text in
            text.count <= 64 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ? text : nil
        }
        if let name, ActionRegistry.standard.definition(name) != nil { r.fail("name", .notAllowed, "catalogue name") }
        let description = r.string("description", required: true, max: 1000)
        let parameters = r.raw("parameters", required: false) ?? Schema.object([:])
        if parameters["type"] != "object" { r.fail("parameters", .invalidFormat, "JSON Schema of type object") }
        let method = r.choice("method", as: HTTPTool.Method.self) ?? .GET
        let url = r.formatted("urlTemplate", required: true, format: "http(s) URL") { text in
            let probe = URLComponents(string: text.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: ""))
            return ["http", "https"].contains(probe?.scheme ?? "") && probe?.host?.isEmpty == false ? text : nil
        }
        let headers = r.stringMap("headers")
        let authType = r.choice("authType", as: HTTPTool.AuthType.self) ?? .none
        let authName = r.string("authName", max: 100)
        let secret = r.string("secret", max: 4000)
        let risk = r.choice("risk", as: ActionRisk.self) ?? .read
        let roles = (r.stringList("roles", maxCount: 8) ?? Role.allCases.map(\.rawValue))
        let parsedRoles = roles.compactMap(Role.init(rawValue:))
        if parsedRoles.count != roles.count { r.fail("roles", .notAllowed, Role.allCases.map(\.rawValue).joined(separator: ", ")) }
        let timeout = r.int("timeoutSeconds", range: 1...60) ?? 10
        if authType != .none, secret == nil, base?.sealedSecret == nil { r.fail("secret", .required) }
        try r.finish()
        guard let name, let description, let url else { throw CopilotoError.invalid(r.errors) }
        let now = clock()
        return HTTPTool(id: base?.id ?? UUID(), tenantId: tenantId, name: name, description: description, parameters: parameters,
                        method: method, urlTemplate: url, headers: headers, authType: authType, authName: authName,
                        sealedSecret: try secret.map(box.seal) ?? base?.sealedSecret, risk: risk,
                        roles: Array(Set(parsedRoles).union([.owner])).sorted(), timeoutSeconds: timeout,
                        createdAt: base?.createdAt ?? now, updatedAt: now)
    }
}
