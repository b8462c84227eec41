import Foundation

/// What the team does in the inbox: list and read conversations, reply (taking over from the AI), assign,
/// escalate, close.
extension InboxService {
    public func list(_ identity: Identity, _ filter: ConversationFilter) async throws -> Page<Conversation> {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            return try await tx.inbox.conversations(filter)
        }
    }

    public func get(_ identity: Identity, id: UUID) async throws -> Conversation {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard let conversation = try await tx.inbox.conversation(id) else { throw CopilotoError.notFound(resource: "conversation") }
            return conversation
        }
    }

    /// The thread after a sequence number (for live catch-up), oldest first, with each message's `seq`.
    public func messages(_ identity: Identity, conversationId: UUID, after seq: Int, limit: Int) async throws -> [(Int, InboxMessage)] {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            guard try await tx.inbox.conversation(conversationId) != nil else { throw CopilotoError.notFound(resource: "conversation") }
            return try await tx.inbox.messages(conversationId: conversationId, after: seq, limit: min(max(limit, 1), 500))
        }
    }

    /// A person answers: the message is queued for the channel and the AI stops answering this conversation. On
    /// WhatsApp, `template` (`{"name", "language", "variables"}`, an approved synced template) is what may go after
    /// the 24-hour window closed.
    public func reply(_ identity: Identity, conversationId: UUID, body: JSONValue) async throws -> InboxMessage {
        var r = FieldReader(body, allowed: ["text", "template"])
        let template = r.raw("template", required: false)
        let text = r.string("text", required: template == nil, max: 4096)
        var requested: (name: String?, language: String?, variables: [String]) = (nil, nil, [])
        if let template {
            var t = FieldReader(template, allowed: ["name", "language", "variables"])
            requested = (t.string("name", required: true, max: 512), t.string("language", max: 15), t.stringList("variables", maxCount: 10) ?? [])
            r.merge(t)
        }
        try r.finish()
        let now = clock()
        let (name, language, variables) = requested
        let (message, conversation) = try await store.withTenant(identity.tenantId) { tx -> (InboxMessage, Conversation) in
            try await authorizer.require(identity, "replyInbox", in: tx)
            guard var conversation = try await tx.inbox.conversation(conversationId) else {
                throw CopilotoError.notFound(resource: "conversation")
            }
            guard conversation.status != .closed else { throw CopilotoError.conflict(reason: .invalidStatusTransition) }
            var message = InboxMessage(tenantId: identity.tenantId, conversationId: conversationId, sender: .agent, senderId: identity.user.id,
                                       text: text ?? "", status: .queued, createdAt: now)
            if let name {
                guard conversation.channel == .whatsapp,
                      let approved = try await MessageTemplate.approved(name: name, language: language, variables: variables, in: tx) else {
                    throw CopilotoError.invalid([FieldError(field: "template", code: .notAllowed, detail: "an approved WhatsApp template")])
                }
                (message.text, message.media) = (approved.text, approved.media)
            }
            _ = try await tx.inbox.append(message)
            try await tx.jobs.schedule(type: SendJob.type, key: nil, payload: ["messageId": .string(message.id.uuidString)], runAt: now,
                                       deadline: now, now: now)
            conversation.aiPaused = true
            if conversation.assignedUserId == nil { conversation.assignedUserId = identity.user.id }
            conversation.status = .open
            conversation.lastMessageAt = now
            conversation.updatedAt = now
            try await tx.inbox.update(conversation)
            return (message, conversation)
        }
        events.publish(InboxEvent.messageCreated(message, conversation: conversation))
        events.publish(InboxEvent.conversationUpdated(conversation))
        return message
    }

    /// Gives the conversation to a person or an AI agent (which resumes answering).
    public func assign(_ identity: Identity, conversationId: UUID, body: JSONValue) async throws -> Conversation {
        var r = FieldReader(body, allowed: ["userId", "aiAgentId"])
        let userId = r.uuid("userId"), agentId = r.uuid("aiAgentId")
        if (userId == nil) == (agentId == nil) { r.fail("userId", .required, "userId or aiAgentId") }
        try r.finish()
        return try await change(identity, conversationId, permission: "manageInbox") { conversation, tx in
            if let userId {
                guard try await tx.users.find(userId)?.active == true else { throw CopilotoError.notFound(resource: "user") }
                conversation.assignedUserId = userId
                conversation.aiPaused = true
            } else if let agentId {
                guard try await tx.aiAgents.find(agentId) != nil else { throw CopilotoError.notFound(resource: "aiAgent") }
                conversation.aiAgentId = agentId
                conversation.assignedUserId = nil
                conversation.aiPaused = false
                conversation.escalationReason = nil
            }
            conversation.status = .open
        }
    }

    /// Takes the conversation from the AI and gives it to a person (the least busy attendant unless one is named).
    public func escalate(_ identity: Identity, conversationId: UUID, body: JSONValue) async throws -> Conversation {
        var r = FieldReader(body, allowed: ["reason", "userId"])
        let reason = r.choice("reason", as: EscalationReason.self) ?? .manual
        let userId = r.uuid("userId")
        try r.finish()
        return try await change(identity, conversationId, permission: "manageInbox") { conversation, tx in
            conversation.aiPaused = true
            conversation.escalationReason = reason
            conversation.assignedUserId = userId ?? identity.user.id
            conversation.status = .open
        }
    }

    public func close(_ identity: Identity, conversationId: UUID) async throws -> Conversation {
        let now = clock()
        return try await change(identity, conversationId, permission: "manageInbox") { conversation, tx in
            conversation.status = .closed
            try await CXScore.schedule(conversation.id, in: tx, now: now)
        }
    }

    private func change(_ identity: Identity, _ id: UUID, permission: String,
                        _ edit: @Sendable (inout Conversation, any TenantStore) async throws -> Void) async throws -> Conversation {
        let now = clock()
        let conversation = try await store.withTenant(identity.tenantId) { tx -> Conversation in
            try await authorizer.require(identity, permission, in: tx)
            guard var conversation = try await tx.inbox.conversation(id) else { throw CopilotoError.notFound(resource: "conversation") }
            try await edit(&conversation, tx)
            conversation.updatedAt = now
            try await tx.inbox.update(conversation)
            return conversation
        }
        events.publish(InboxEvent.conversationUpdated(conversation))
        return conversation
    }
}
