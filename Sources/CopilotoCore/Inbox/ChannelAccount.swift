import Foundation
import Synchronization

/// A tenant's account on a Meta channel: the business id replies go out from (WhatsApp phone number id, Page or
/// Instagram account id), the webhook's verify token, and the app secret and access token, stored sealed.
public struct ChannelAccount: Sendable, Equatable {
    public var channel: Channel
    public var externalAccountId: String?
    public var verifyToken: String?
    public var appSecretSealed: String?
    public var accessTokenSealed: String?
    public var enabled: Bool
    public var updatedAt: Date

    public init(channel: Channel, externalAccountId: String? = nil, verifyToken: String? = nil, appSecretSealed: String? = nil,
                accessTokenSealed: String? = nil, enabled: Bool = true, updatedAt: Date = Date()) {
        self.channel = channel
        self.externalAccountId = externalAccountId
        self.verifyToken = verifyToken
        self.appSecretSealed = appSecretSealed
        self.accessTokenSealed = accessTokenSealed
        self.enabled = enabled
        self.updatedAt = updatedAt
    }
}

/// A channel's credentials in the clear, for the webhook checks and the sender (nil: use the server's defaults).
public struct ChannelCredentials: Sendable, Equatable {
    public var accountId: String?
    public var verifyToken: String?
    public var appSecret: String?
    public var accessToken: String?

    public init(accountId: String? = nil, verifyToken: String? = nil, appSecret: String? = nil, accessToken: String? = nil) {
        self.accountId = accountId
        self.verifyToken = verifyToken
        self.appSecret = appSecret
        self.accessToken = accessToken
    }
}

/// What the settings page shows of an account: never a secret, only whether it is set.
public struct ChannelAccountView: Sendable, Equatable, Encodable {
    public let channel: Channel
    public let externalAccountId: String?
    public let enabled: Bool
    public let verifyTokenSet: Bool
    public let appSecretSet: Bool
    public let accessTokenSet: Bool
    /// The path to give Meta as the callback URL (after the server's public address).
    public let webhookPath: String
}

/// Each tenant's channel accounts (owner and admin), sealed at rest, with a short cache for the webhooks and the
/// sender (a change made on another instance is seen within `cacheSeconds`).
public final class ChannelAccountService: Sendable {
    public static let metaChannels: [Channel] = [.whatsapp, .messenger, .instagram]
    let store: any DataStore
    let authorizer: Authorizer
    let sealer: any SecretSealer
    let cacheSeconds: TimeInterval
    private let cache = Mutex<[String: (Date, ChannelCredentials?)]>([:])

    public init(store: any DataStore, authorizer: Authorizer, sealer: any SecretSealer, cacheSeconds: TimeInterval = 5) {
        self.store = store
        self.authorizer = authorizer
        self.sealer = sealer
        self.cacheSeconds = cacheSeconds
    }

    public func list(_ identity: Identity, slug: String) async throws -> [ChannelAccountView] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageChannels", in: tx)
            let saved = try await tx.inbox.channelAccounts()
            return Self.metaChannels.map { channel in Self.view(saved.first { $0.channel == channel } ?? ChannelAccount(channel: channel, enabled: false), slug) }
        }
    }

    /// Sets the given fields; an empty string clears one. Secrets are sealed before they are stored.
    public func save(_ identity: Identity, channel: Channel, body: JSONValue, slug: String) async throws -> ChannelAccountView {
        guard Self.metaChannels.contains(channel) else { throw CopilotoError.notFound(resource: "channel") }
        var r = FieldReader(body, allowed: ["externalAccountId", "verifyToken", "appSecret", "accessToken", "enabled"])
        let account = r.string("externalAccountId", max: 100), verify = r.string("verifyToken", max: 200)
        let secret = r.string("appSecret", max: 200), token = r.string("accessToken", max: 2000), enabled = r.bool("enabled")
        try r.finish()
        let sealed = (try secret.map { $0.isEmpty ? "" : try sealer.seal($0) }, try token.map { $0.isEmpty ? "" : try sealer.seal($0) })
        let now = Date()
        let saved = try await store.withTenant(identity.tenantId) { tx -> ChannelAccount in
            try await authorizer.require(identity, "manageChannels", in: tx)
            var a = try await tx.inbox.channelAccounts().first { $0.channel == channel } ?? ChannelAccount(channel: channel)
            func apply(_ value: String?, _ field: inout String?) { if let value { field = value.isEmpty ? nil : value } }
            apply(account, &a.externalAccountId)
            apply(verify, &a.verifyToken)
            apply(sealed.0, &a.appSecretSealed)
            apply(sealed.1, &a.accessTokenSealed)
            if let enabled { a.enabled = enabled }
            a.updatedAt = now
            try await tx.inbox.saveChannelAccount(a)
            return a
        }
        _ = cache.withLock { $0.removeValue(forKey: "\(identity.tenantId)|\(channel.rawValue)") }
        return Self.view(saved, slug)
    }

    /// The tenant's credentials for a channel when its account is enabled, else nil (the server's defaults apply).
    public func credentials(tenantId: UUID, channel: Channel) async throws -> ChannelCredentials? {
        let key = "\(tenantId)|\(channel.rawValue)", now = Date()
        if let (at, value) = cache.withLock({ $0[key] }), now.timeIntervalSince(at) < cacheSeconds { return value }
        let account = try await store.withTenant(tenantId) { try await $0.inbox.channelAccounts().first { $0.channel == channel } }
        var value: ChannelCredentials?
        if let account, account.enabled {
            value = ChannelCredentials(accountId: account.externalAccountId, verifyToken: account.verifyToken,
                                       appSecret: try account.appSecretSealed.map(sealer.open), accessToken: try account.accessTokenSealed.map(sealer.open))
        }
        cache.withLock { $0[key] = (now, value) }
        return value
    }

    static func view(_ a: ChannelAccount, _ slug: String) -> ChannelAccountView {
        ChannelAccountView(channel: a.channel, externalAccountId: a.externalAccountId, enabled: a.enabled, verifyTokenSet: a.verifyToken != nil,
                           appSecretSet: a.appSecretSealed != nil, accessTokenSet: a.accessTokenSealed != nil,
                           webhookPath: "/webhooks/\(a.channel.rawValue)/\(slug)")
    }
}
