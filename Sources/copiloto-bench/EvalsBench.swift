import ArgumentParser
import CopilotoCore
import CopilotoDemo
import CopilotoHTTP
import CopilotoStore
import CopilotoTesting
import Foundation
import Logging
import NIOConcurrencyHelpers

/// One eval run of many multi-turn cases, executed by the real `ai_agent_eval` job handler (the sandbox, the turn
/// decisions, the agent runner, the checks) against a fake OpenAI-compatible LLM answering at once over loopback.
struct EvalsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evals", abstract: "AI-agent eval cases/s in the sandbox.")

    @Option(help: "Backends to measure (repeatable): sqlite, postgres.") var backend: [Backend] = Backend.allCases
    @Option(help: "Cases in the run (at most 200, the API's limit).") var cases = 200
    @Option(help: "Customer turns per case.") var turns = 3

    func run() async throws {
        var rows: [[String]] = []
        for backend in backend { rows.append(try await measure(backend)) }
        print("\nEvals — one run of \(cases) cases × \(turns) turns, LLM at 0 ms, rule checks on every case")
        printTable(["backend", "cases", "passed", "seconds", "cases/s", "turns/s"], rows)
    }

    private func measure(_ backend: Backend) async throws -> [String] {
        let llm = FakeOpenAIServer(responder: { _ in .text("Claro! Você pode trocar em até 30 dias.", usage: (40, 8)) })
        let row = NIOLockedValueBox<[String]>([])
        let (caseCount, turnCount) = (min(max(cases, 1), EvalRun.maxCases), min(max(turns, 1), 20))
        try await llm.run { url in
            let measured = try await backend.withStore { store in
                try await DemoSeeder(store: store, passwords: BcryptPasswordHasher(cost: 4)).seedIfEmpty()
                guard let tenant = try await store.system.tenant(slug: "demo") else { throw CleanExit.message("no demo tenant") }
                let agent = AIAgent(tenantId: tenant.id, name: "Bia", prompt: "Atenda os clientes.", tools: ["getOrder", "addTag"])
                let made = (0..<caseCount).map { i in
                    EvalCase(tenantId: tenant.id, agentId: agent.id, name: "Caso \(i)",
                             turns: (0..<turnCount).map { EvalCase.Turn(text: "Pergunta \($0 + 1) do caso \(i): posso trocar o produto?") },
                             expect: .init(notTools: ["transferToHuman"], mustInclude: ["30 dias"], maxCostUsd: 1))
                }
                let run = EvalRun(tenantId: tenant.id, agentId: agent.id, version: "draft", caseIds: made.map(\.id), createdBy: agent.id)
                try await store.withTenant(tenant.id) { tx in
                    try await tx.aiAgents.insert(agent)
                    for evalCase in made { try await tx.evals.insertCase(evalCase) }
                    try await tx.evals.insertRun(run)
                }
                var logger = Logger(label: "bench")
                logger.logLevel = .critical
                let deps = AppDependencies(store: store, passwords: BcryptPasswordHasher(cost: 4), tokens: SHA256TokenHasher(),
                                           secret: Data("bench".utf8), logger: logger,
                                           defaultProvider: .init(name: "fake", baseURL: url, apiKey: "k", model: "fake"))
                guard let handler = deps.jobHandlers[EvalRun.jobType] else { throw CleanExit.message("no eval job handler") }
                let start = ContinuousClock.now
                try await handler(Job(id: UUID(), tenantId: tenant.id, type: EvalRun.jobType, payload: ["runId": .string(run.id.uuidString)], attempts: 1))
                let seconds = (ContinuousClock.now - start).milliseconds / 1000
                let done = try await store.withTenant(tenant.id) { try await $0.evals.findRun(run.id) }
                guard let done, done.status == .finished, done.results.count == caseCount else { throw CleanExit.message("the run did not finish") }
                return [backend.rawValue, String(caseCount), String(done.results.filter { $0.passed == true }.count), String(format: "%.2f", seconds),
                        String(format: "%.1f", Double(caseCount) / seconds), String(format: "%.1f", Double(caseCount * turnCount) / seconds)]
            }
            row.withLockedValue { $0 = measured }
        }
        return row.withLockedValue { $0 }
    }
}
