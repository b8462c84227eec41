import Foundation

/// The team's side of channel media and templates: a customer's file for signed-in users of that tenant only, the
/// synced WhatsApp templates, and their replacement after a sync.
public struct ChannelMediaService: Sendable {
    public let store: any DataStore
    public let authorizer: Authorizer

    public init(store: any DataStore, authorizer: Authorizer) {
        self.store = store
        self.authorizer = authorizer
    }

    /// The stored file of a message of that conversation (404 when either is unknown or not fetched yet).
    public func file(_ identity: Identity, conversationId: UUID, messageId: UUID) async throws -> MediaBlob {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard let message = try await tx.inbox.message(messageId), message.conversationId == conversationId,
                  let blob = try await tx.media.blob(messageId: messageId) else { throw CopilotoError.notFound(resource: "media") }
            return blob
        }
    }

    public func templates(_ identity: Identity) async throws -> [MessageTemplate] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            return try await tx.templates.list()
        }
    }

    /// Replaces the tenant's templates with a fresh list (owner and admin: `manageChannels`).
    public func replaceTemplates(_ identity: Identity, with templates: [MessageTemplate]) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageChannels", in: tx)
            try await tx.templates.replaceAll(templates)
        }
    }

    /// Checks `manageChannels` before a sync reaches Meta.
    public func requireManager(_ identity: Identity) async throws {
        try await store.withTenant(identity.tenantId) { tx in try await authorizer.require(identity, "manageChannels", in: tx) }
    }
}
