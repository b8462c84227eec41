import CopilotoCore
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// AI-agent evals and versions in storage, on SQLite and PostgreSQL alike: cases and runs round-trip and are fenced
/// by tenant; the published version is the one that went live last; conversations keep their version and CX score.
@Suite("Eval and version storage contract")
struct EvalContractTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("cases and runs round-trip with their turns, expectations and results; other tenants see none", arguments: Backend.allCases)
    func casesAndRuns(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store), other = try await Fixtures.tenant(store)
            let agentId = UUID(), userId = UUID()
            let first = EvalCase(tenantId: tenant.id, agentId: agentId, name: "Troca",
                                 turns: [.init(text: "posso trocar?", reference: "Pode sim, em 30 dias."), .init(text: "áudio", kind: "voice")],
                                 expect: .init(tools: ["search_kb"], notTools: ["transferToHuman"], handover: false, mustInclude: ["30 dias"],
                                               mustNotInclude: ["não sei"], maxCostUsd: 0.05, rubric: "Educado."),
                                 sourceConversationId: UUID(), createdAt: Self.start)
            let second = EvalCase(tenantId: tenant.id, agentId: agentId, name: "Oi", turns: [.init(text: "oi")], createdAt: Self.start.addingTimeInterval(1))
            var run = EvalRun(tenantId: tenant.id, agentId: agentId, version: "draft", caseIds: [first.id, second.id], createdBy: userId,
                              createdAt: Self.start)
            try await store.withTenant(tenant.id) { [run] tx in
                try await tx.evals.insertCase(second)
                try await tx.evals.insertCase(first)
                try await tx.evals.insertRun(run)
            }
            #expect(try await store.withTenant(tenant.id) { try await $0.evals.cases(agentId: agentId, limit: 10) } == [first, second])
            #expect(try await store.withTenant(tenant.id) { try await $0.evals.findCase(first.id) } == first)
            run.results = [EvalResult(caseId: first.id, name: "Troca", passed: nil, reasons: ["rubric inconclusive"],
                                      transcript: [.init(role: "customer", text: "posso trocar?"), .init(role: "agent", text: "Pode.")],
                                      toolCalls: [.init(name: "addTag", arguments: ["tag": "troca"], wouldRun: true)], handover: false,
                                      promptTokens: 10, completionTokens: 5, costUsd: 0.0001, latencyMs: 12, judge: "sem veredito")]
            run.status = .finished
            run.finishedAt = Self.start.addingTimeInterval(5)
            let finished = run
            try await store.withTenant(tenant.id) { try await $0.evals.updateRun(finished) }
            #expect(try await store.withTenant(tenant.id) { try await $0.evals.findRun(finished.id) } == finished)
            #expect(try await store.withTenant(tenant.id) { try await $0.evals.runs(agentId: agentId, limit: 5) } == [finished])
            #expect(try await store.withTenant(other.id) { try await $0.evals.findRun(finished.id) } == nil)
            #expect(try await store.withTenant(other.id) { try await $0.evals.cases(agentId: agentId, limit: 10) }.isEmpty)
            #expect(try await store.withTenant(other.id) { try await $0.evals.deleteCase(first.id) } == false)
            #expect(try await store.withTenant(tenant.id) { try await $0.evals.deleteCase(first.id) })
            #expect(try await store.withTenant(tenant.id) { try await $0.evals.cases(agentId: agentId, limit: 10) } == [second])
        }
    }

    @Test("the published version is the last to go live (publish or rollback); answers and CX scores stay per conversation",
          arguments: Backend.allCases)
    func versions(backend: Backend) async throws {
        try await backend.withStore { store in
            let tenant = try await Fixtures.tenant(store), other = try await Fixtures.tenant(store)
            let agent = AIAgent(tenantId: tenant.id, name: "Bia", prompt: "v1", createdAt: Self.start)
            var changed = agent
            changed.prompt = "v2"
            let one = AIAgentVersion(agentId: agent.id, number: 1, snapshot: agent, createdBy: UUID(), createdAt: Self.start, liveAt: nil)
            let two = AIAgentVersion(agentId: agent.id, number: 2, snapshot: changed, createdBy: UUID(), createdAt: Self.start, liveAt: nil)
            let conversationId = UUID()
            try await store.withTenant(tenant.id) { tx in
                #expect(try await tx.agentVersions.published(agentId: agent.id) == nil)
                try await tx.agentVersions.insert(one)
                try await tx.agentVersions.insert(two)
                #expect(try await tx.agentVersions.published(agentId: agent.id) == nil)
                #expect(try await tx.agentVersions.makeLive(agentId: agent.id, number: 1, at: Self.start))
                // Two changes in the same millisecond still order: the later call wins.
                #expect(try await tx.agentVersions.makeLive(agentId: agent.id, number: 2, at: Self.start))
                #expect(try await tx.agentVersions.published(agentId: agent.id)?.snapshot.prompt == "v2")
                #expect(try await tx.agentVersions.makeLive(agentId: agent.id, number: 1, at: Self.start.addingTimeInterval(1)))
                #expect(try await tx.agentVersions.makeLive(agentId: agent.id, number: 9, at: Self.start) == false)
                #expect(try await tx.agentVersions.list(agentId: agent.id).map(\.number) == [2, 1])
                try await tx.agentVersions.recordAnswer(conversationId: conversationId, agentId: agent.id, version: 1)
                try await tx.agentVersions.saveCX(conversationId: conversationId,
                                                  score: CXScore(score: 4, reasons: ["resolvido"], computedAt: Self.start))
                try await tx.agentVersions.recordAnswer(conversationId: conversationId, agentId: agent.id, version: 2)
                for (score, version) in [(2, 1), (5, 1), (3, nil)] as [(Int, Int?)] {
                    let other = UUID()
                    try await tx.agentVersions.recordAnswer(conversationId: other, agentId: agent.id, version: version)
                    try await tx.agentVersions.saveCX(conversationId: other, score: CXScore(score: score, reasons: [], computedAt: Self.start))
                }
                try await tx.agentVersions.recordAnswer(conversationId: UUID(), agentId: agent.id, version: 1)  // not scored yet
            }
            let averages = try await store.withTenant(tenant.id) { try await $0.agentVersions.cxByVersion(agentId: agent.id) }
            #expect(Set(averages.map { "\($0.version.map(String.init) ?? "draft"):\($0.average):\($0.conversations)" })
                    == ["draft:3.0:1", "1:3.5:2", "2:4.0:1"], "\(averages)")
            let live = try await store.withTenant(tenant.id) { try await $0.agentVersions.published(agentId: agent.id) }
            #expect(live?.number == 1 && live?.snapshot.prompt == "v1")
            let quality = try await store.withTenant(tenant.id) { try await $0.agentVersions.quality(conversationId: conversationId) }
            #expect(quality == ConversationQuality(conversationId: conversationId, agentId: agent.id, agentVersion: 2,
                                                   cx: CXScore(score: 4, reasons: ["resolvido"], computedAt: Self.start)))
            #expect(try await store.withTenant(other.id) { try await $0.agentVersions.published(agentId: agent.id) } == nil)
            #expect(try await store.withTenant(other.id) { try await $0.agentVersions.quality(conversationId: conversationId) } == nil)
        }
    }
}
