import Foundation

extension Distribution {
    /// The distribution pool as it stands now: each member's entry, current load and limit, availability.
    public struct Pool: Sendable {
        public let settings: InboxSettings
        /// Members in the settings' order (every enabled AI agent when the settings name nobody).
        public let members: [InboxSettings.Member]
        let agents: [UUID: AIAgent]
        let users: [UUID: User]
        let load: [UUID: Int]
        let aiRoomLeft: Bool

        public static func load(_ settings: InboxSettings, in tx: any TenantStore, includeUsers: Bool = false) async throws -> Pool {
            let agents = Dictionary(uniqueKeysWithValues: try await tx.aiAgents.list().map { ($0.id, $0) })
            // People are read only when the pool names some (the default pool is AI agents only: one query less per conversation).
            let users = settings.members.contains { $0.kind == .user } || includeUsers
                ? Dictionary(uniqueKeysWithValues: try await tx.users.list(PageRequest(limit: 200)).items.map { ($0.id, $0) }) : [:]
            let members = settings.members.isEmpty
                ? agents.values.filter(\.enabled).sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
                    .map { InboxSettings.Member(kind: .aiAgent, id: $0.id) }
                : settings.members
            var load = try await tx.inbox.openCounts(userIds: members.filter { $0.kind == .user }.map(\.id))
            for member in members where member.kind == .aiAgent { load[member.id] = try await tx.inbox.openCount(aiAgentId: member.id) }
            var aiRoomLeft = true
            if let cap = settings.maxConcurrentAI { aiRoomLeft = try await tx.inbox.openAICount() < cap }
            return Pool(settings: settings, members: members, agents: agents, users: users, load: load, aiRoomLeft: aiRoomLeft)
        }

        /// A member's limit of open conversations.
        func limit(_ member: InboxSettings.Member) -> Int {
            member.maxConcurrent ?? (member.kind == .aiAgent ? agents[member.id]?.maxConcurrent ?? 0 : 1_000)
        }

        /// Members that may get a new conversation now: available, enabled/active and under their limit.
        public var free: [InboxSettings.Member] {
            members.filter { member in
                guard member.available, (load[member.id] ?? 0) < limit(member) else { return false }
                switch member.kind {
                case .aiAgent: return aiRoomLeft && agents[member.id]?.enabled == true
                case .user: return users[member.id]?.active == true
                }
            }
        }

        public func isFree(_ id: UUID) -> Bool { free.contains { $0.id == id } }
        func isActiveUser(_ id: UUID) -> Bool { users[id]?.active == true }
        func loadRatio(_ id: UUID) -> Double {
            guard let member = members.first(where: { $0.id == id }) else { return .infinity }
            return Double(load[id] ?? 0) / Double(max(limit(member), 1))
        }
        func order(_ id: UUID) -> Int { members.firstIndex { $0.id == id } ?? members.count }
    }
}
