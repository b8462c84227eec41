import CopilotoCore
import Foundation

/// The local engine's CX score of a closed conversation, 1–5, with its reasons (pt-BR first): start from 5 and take
/// off for a hand-over, an upset customer at the end (or a mood that never recovered), a slow first response, a slow
/// resolution, questions the customer had to repeat, and a customer left without any answer; a thankful ending adds
/// back one. No model involved, so every tenant gets a score.
public enum CXScoring {
    public static func local(_ conversation: Conversation, messages: [InboxMessage], now: Date) -> CXScore {
        let visible = messages.filter { !$0.isInternal && $0.sender != .system }
        let customer = visible.filter { $0.sender == .contact }
        var score = 5, reasons: [String] = []
        func take(_ points: Int, _ reason: String) {
            score -= points
            reasons.append(reason)
        }
        let answered = visible.contains { $0.sender == .agent || $0.sender == .aiAgent }
        if !answered, !customer.isEmpty { take(2, "cliente sem resposta") }
        if let reason = conversation.escalationReason { take(1, "transferida para pessoa (\(reason.rawValue))") } else if answered {
            reasons.append("resolvida sem transferência")
        }
        let start = customer.prefix(2).map(\.text).joined(separator: " "), end = customer.suffix(2).map(\.text).joined(separator: " ")
        let moodStart = Sentiment.score(start), moodEnd = Sentiment.score(end)
        if moodEnd <= -2 { take(2, "cliente insatisfeito no fim") } else if moodStart <= -2, moodEnd < 1 {
            take(1, "insatisfação do início não foi revertida")
        } else if moodStart <= -2 {
            reasons.append("humor do cliente melhorou")
        }
        if let first = customer.first?.createdAt,
           let reply = visible.first(where: { ($0.sender == .agent || $0.sender == .aiAgent) && $0.createdAt >= first })?.createdAt {
            let wait = reply.timeIntervalSince(first)
            if wait > 3600 { take(2, "primeira resposta em \(Int(wait / 60)) min") } else if wait > 300 {
                take(1, "primeira resposta em \(Int(wait / 60)) min")
            }
        }
        let hours = now.timeIntervalSince(conversation.createdAt) / 3600
        if hours > 24 { take(1, "resolução em \(Int(hours)) h") }
        let folded = customer.map { TextFolding.fold($0.text) }.filter { $0.count >= 8 }
        if Set(folded).count < folded.count { take(1, "cliente repetiu a pergunta") }
        if moodEnd > 0, CustomerIntents.detect(customer.suffix(1).map(\.text)).contains(.thanks) {
            score += 1
            reasons.append("cliente agradeceu")
        }
        return CXScore(score: score, reasons: reasons, source: "local", computedAt: now)
    }
}

/// The `cx_score` job, enqueued when a conversation closes: scores it with the local engine and stores the score.
public struct CXScoreHandler: Sendable {
    let store: any DataStore
    let clock: @Sendable () -> Date

    public init(store: any DataStore, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.clock = clock
    }

    public func handle(_ job: Job) async throws {
        guard let id = job.payload.string("conversationId").flatMap(UUID.init(uuidString:)) else { return }
        let now = clock()
        try await store.withTenant(job.tenantId) { tx in
            guard let conversation = try await tx.inbox.conversation(id), conversation.status == .closed else { return }
            let messages = try await tx.inbox.recentMessages(conversationId: id, limit: 200).map(\.1)
            try await tx.agentVersions.saveCX(conversationId: id, score: CXScoring.local(conversation, messages: messages, now: now))
        }
    }
}
