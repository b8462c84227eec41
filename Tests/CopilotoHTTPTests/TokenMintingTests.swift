import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

/// Minting API tokens: nobody mints for a higher role, only owners and admins mint for others, and a token never does
/// more than the person who minted it — walked over every pair of roles.
@Suite("API token minting")
struct TokenMintingTests {
    /// Whether `minter` may mint for another user of role `target` (the rule of issue #17).
    static func allowed(_ minter: Role, _ target: Role) -> Bool {
        [.owner, .admin].contains(minter) && target >= minter
    }

    /// Every role mints for a second user of every role (with `manageApiTokens` granted to all roles, so the minting
    /// rule itself is what answers) and for itself; where allowed, the token's actions are exactly what both the minter
    /// and the target may run. One action is moved away from admins so the intersection has something to cut.
    @Test("every role × every target role: the right status, and a minted token can do no more than its minter")
    func everyRolePair() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let all = Role.allCases.map { JSONValue.string($0.rawValue) }
            let put = try await api.request(.put, "/v1/settings/permissions", token: owner,
                                            json: ["manageApiTokens": .array(all), "createCustomer": ["manager", "attendant"]])
            #expect(put.status == 200)
            var sessions: [Role: String] = [:], targets: [Role: (id: String, session: String)] = [:]
            for role in Role.allCases {
                sessions[role] = try await api.login("\(role.rawValue)@demo.local")
                let email = "segundo.\(role.rawValue)@demo.local"
                let created = try await api.post("/v1/users", token: owner, ["name": .string("Segundo \(role.rawValue)"), "email": .string(email),
                                                                             "role": .string(role.rawValue), "password": "demo1234"])
                #expect(created.status == 201, "\(created.text)")
                targets[role] = (try #require(created.json.string("id")), try await api.login(email))
            }
            var actionSets: [String: Set<String>] = [:]
            func actions(_ token: String) async throws -> Set<String> {
                if let known = actionSets[token] { return known }
                let names = Set(try await api.get("/v1/actions", token: token).items.compactMap { $0.string("name") })
                actionSets[token] = names
                return names
            }
            var minted = 0, refused = 0
            for minter in Role.allCases {
                let session = try #require(sessions[minter])
                let own = try await api.post("/v1/auth/tokens", token: session, ["name": "próprio"])
                #expect(own.status == 201, "\(minter) mints for itself")
                if let secret = own.json.string("token") {
                    #expect(try await actions(secret) == (try await actions(session)), "\(minter)'s own token")
                }
                for target in Role.allCases {
                    let (targetId, targetSession) = try #require(targets[target])
                    let response = try await api.post("/v1/auth/tokens", token: session, ["name": .string("para \(target)"), "userId": .string(targetId)])
                    guard Self.allowed(minter, target) else {
                        #expect(response.status == 403, "\(minter) → \(target): \(response.status)")
                        #expect(response.json["error"]?.string("code") == "forbidden")
                        refused += 1
                        continue
                    }
                    #expect(response.status == 201, "\(minter) → \(target): \(response.text)")
                    let secret = try #require(response.json.string("token"))
                    let expected = try await actions(session).intersection(try await actions(targetSession))
                    #expect(try await actions(secret) == expected, "\(minter) → \(target)")
                    #expect(try await actions(secret).isSubset(of: try await actions(session)))
                    minted += 1
                }
            }
            #expect(minted == 15 && refused == 49)
        }
    }

    /// The case: a manager holding `manageApiTokens` asks for the owner's token.
    @Test("a manager with manageApiTokens cannot mint an owner's token; an admin's token for a manager is capped by the admin",
          arguments: Backend.allCases)
    func escalationRefused(_ backend: Backend) async throws {
        try await TestApp.run(backend) { api, _ in
            let owner = try await api.login("owner@demo.local")
            #expect(try await api.request(.put, "/v1/settings/permissions", token: owner,
                                          json: ["manageApiTokens": ["admin", "manager"], "createCustomer": ["manager"]]).status == 200)
            let manager = try await api.login("manager@demo.local")
            let ownerId = try #require(try await api.get("/v1/me", token: owner).json.string("id"))
            let managerId = try #require(try await api.get("/v1/me", token: manager).json.string("id"))
            let escalation = try await api.post("/v1/auth/tokens", token: manager, ["name": "x", "userId": .string(ownerId)])
            #expect(escalation.status == 403)
            // The admin mints for the manager; createCustomer is the manager's but not the admin's: the token may not.
            let admin = try await api.login("admin@demo.local")
            let capped = try #require(try await api.post("/v1/auth/tokens", token: admin,
                                                         ["name": "capado", "userId": .string(managerId)]).json.string("token"))
            #expect(try await api.get("/v1/me", token: capped).json.string("email") == "manager@demo.local")
            #expect(try await api.post("/v1/actions/createCustomer/prepare", token: manager, ["params": ["name": "Pode"]]).status == 200)
            let refused = try await api.post("/v1/actions/createCustomer/prepare", token: capped, ["params": ["name": "Não pode"]])
            #expect(refused.status == 403)
            #expect(refused.json["error"]?.string("code") == "forbidden")
            // Demoting the admin shrinks the token now; deactivating the admin ends it.
            let adminId = try #require(try await api.get("/v1/me", token: admin).json.string("id"))
            #expect(try await api.get("/v1/customers", token: capped).status == 200)
            #expect(try await api.patch("/v1/users/\(adminId)", token: owner, ["role": "assistant"]).status == 200)
            #expect(try await api.post("/v1/actions/updateOrderStatus/prepare", token: capped,
                                       ["params": ["orderId": "#1001", "status": "shipped"]]).status == 403)
            #expect(try await api.patch("/v1/users/\(adminId)", token: owner, ["active": false]).status == 200)
            #expect(try await api.get("/v1/me", token: capped).status == 401)
        }
    }

    /// Tokens mint tokens? No: only a signed-in person mints; and only an owner grants `confirm`.
    @Test("an API token cannot mint tokens; only an owner grants the confirm scope; unknown scopes are a 400")
    func mintingLimits() async throws {
        try await TestApp.run { api, _ in
            let owner = try await api.login("owner@demo.local")
            let admin = try await api.login("admin@demo.local")
            let trusted = try #require(try await api.post("/v1/auth/tokens", token: owner,
                                                          ["name": "n8n", "scopes": ["read", "propose", "confirm"]]).json.string("token"))
            let chained = try await api.post("/v1/auth/tokens", token: trusted, ["name": "filho"])
            #expect(chained.status == 403)
            let grant = try await api.post("/v1/auth/tokens", token: admin, ["name": "x", "scopes": ["confirm"]])
            #expect(grant.status == 403)
            let unknown = try await api.post("/v1/auth/tokens", token: owner, ["name": "x", "scopes": ["admin"]])
            #expect(unknown.status == 400)
            #expect(unknown.json["error"]?["details"]?["fields"]?.string("scopes") != nil)
        }
    }
}
