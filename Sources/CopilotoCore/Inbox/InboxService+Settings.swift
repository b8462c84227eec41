import Foundation

/// The inbox's settings (distribution pool and method, funnels, SLA, tenant-wide AI limits), a person's own
/// availability, team notes and the conversation's own fields.
extension InboxService {
    public func settings(_ identity: Identity) async throws -> InboxSettings {
        try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "viewInbox", in: tx)
            return try await tx.inbox.settings()
        }
    }

    /// Replaces the given keys of the settings (owner, admin, manager); members must be the tenant's people and agents.
    public func saveSettings(_ identity: Identity, body: JSONValue) async throws -> InboxSettings {
        let keys: Set<String> = ["autoAssign", "method", "members", "channelDepartments", "funnels", "slaMinutes", "limits", "maxConcurrentAI"]
        var r = FieldReader(body, allowed: keys)
        try r.finish()
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "manageAIAgents", in: tx)
            var merged = (try JSONCoding.value(try await tx.inbox.settings())).objectValue ?? [:]
            for (key, value) in body.objectValue ?? [:] { merged[key] = value }
            guard let settings = try? JSONDecoder().decode(InboxSettings.self, from: Data(JSONValue.object(merged).encoded().utf8)) else {
                throw CopilotoError.invalid([FieldError(field: "body", code: .invalidFormat,
                                                        detail: "method: \(InboxSettings.Method.allCases.map(\.rawValue)); members: [{kind, id}]")])
            }
            var errors: [FieldError] = []
            for (index, member) in settings.members.enumerated() {
                let exists = member.kind == .user ? try await tx.users.find(member.id) != nil : try await tx.aiAgents.find(member.id) != nil
                if !exists { errors.append(FieldError(field: "members.\(index).id", code: .notFound)) }
                if let weight = member.weight, !(0...1_000).contains(weight) { errors.append(FieldError(field: "members.\(index).weight", code: .outOfRange)) }
                if let limit = member.maxConcurrent, !(0...10_000).contains(limit) { errors.append(FieldError(field: "members.\(index).maxConcurrent", code: .outOfRange)) }
            }
            if Set(settings.members.map(\.id)).count != settings.members.count { errors.append(FieldError(field: "members", code: .notAllowed, detail: "duplicates")) }
            if let sla = settings.slaMinutes, !(1...10_080).contains(sla) { errors.append(FieldError(field: "slaMinutes", code: .outOfRange, detail: "1…10080")) }
            if let cap = settings.maxConcurrentAI, !(0...100_000).contains(cap) { errors.append(FieldError(field: "maxConcurrentAI", code: .outOfRange)) }
            if let limits = settings.limits, !AIAgentService.bounded(limits) {
                errors.append(FieldError(field: "limits", code: .outOfRange, detail: "counts 0…1000000, USD 0…1000000"))
            }
            for (index, funnel) in settings.funnels.enumerated()
            where funnel.name.trimmingCharacters(in: .whitespaces).isEmpty || funnel.stages.isEmpty || funnel.stages.contains(where: \.isEmpty) {
                errors.append(FieldError(field: "funnels.\(index)", code: .invalidFormat, detail: "name and stages"))
            }
            guard errors.isEmpty else { throw CopilotoError.invalid(errors) }
            try await tx.inbox.saveSettings(settings, at: now)
            return settings
        }
    }

    /// A person of the pool switches themselves available or away (away: they get no new conversations).
    public func setAvailability(_ identity: Identity, body: JSONValue) async throws -> InboxSettings.Member {
        var r = FieldReader(body, allowed: ["available"])
        let available = r.bool("available", required: true) ?? true
        try r.finish()
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            try await authorizer.require(identity, "replyInbox", in: tx)
            var settings = try await tx.inbox.settings()
            guard let index = settings.members.firstIndex(where: { $0.kind == .user && $0.id == identity.user.id }) else {
                throw CopilotoError.conflict(reason: .notInDistributionPool)
            }
            settings.members[index].available = available
            try await tx.inbox.saveSettings(settings, at: now)
            return settings.members[index]
        }
    }

    /// A note for the team on the conversation: never sent to the customer nor shown to the AI.
    public func addNote(_ identity: Identity, conversationId: UUID, body: JSONValue) async throws -> InboxMessage {
        var r = FieldReader(body, allowed: ["text"])
        let text = r.string("text", required: true, max: 4096) ?? ""
        try r.finish()
        let now = clock()
        let (note, conversation) = try await store.withTenant(identity.tenantId) { tx -> (InboxMessage, Conversation) in
            try await authorizer.require(identity, "replyInbox", in: tx)
            let conversation = try await InboxOperations.require(conversationId, in: tx)
            var note = InboxMessage(tenantId: identity.tenantId, conversationId: conversationId, sender: .agent, senderId: identity.user.id,
                                    text: text, status: .sent, createdAt: now)
            note.isInternal = true
            _ = try await tx.inbox.append(note)
            return (note, conversation)
        }
        events.publish(InboxEvent.messageCreated(note, conversation: conversation))
        return note
    }

    /// Priority, department, tags, funnel and stage.
    public func update(_ identity: Identity, conversationId: UUID, body: JSONValue) async throws -> Conversation {
        var r = FieldReader(body, allowed: ["priority", "department", "tags", "funnel", "stage"])
        let priority = r.int("priority", range: 0...3), department = r.string("department", max: 80), tags = r.stringList("tags")
        let funnel = r.string("funnel", max: 80), stage = r.string("stage", max: 80)
        if funnel != nil, stage == nil { r.fail("stage", .required) }
        try r.finish()
        let now = clock()
        let conversation = try await store.withTenant(identity.tenantId) { tx -> Conversation in
            try await authorizer.require(identity, "manageInbox", in: tx)
            if let stage { _ = try await InboxOperations.move(conversationId, toStage: stage, funnel: funnel, in: tx, now: now) }
            var conversation = try await InboxOperations.require(conversationId, in: tx)
            if let priority { conversation.priority = priority }
            if body["department"] == .null { conversation.department = nil } else if let department { conversation.department = department }
            if let tags { conversation.tags = tags }
            conversation.updatedAt = now
            try await tx.inbox.update(conversation)
            return conversation
        }
        events.publish(InboxEvent.conversationUpdated(conversation))
        return conversation
    }
}
