import CopilotoActions
import CopilotoCore
import CopilotoModels
import Foundation

/// The `ai_agent_eval` job: plays every case of a run in the sandbox against the version it asked for, checks the
/// expectations, asks the model to judge rubrics, and stores each result as it comes (a run retried after a crash
/// continues where it stopped). Progress goes to `/v1/stream` as `eval.progress`, the end as `eval.finished`.
public struct EvalRunHandler: Sendable {
    let turns: ReplyHandler
    let store: any DataStore
    let events: EventBus
    let clock: @Sendable () -> Date

    public init(store: any DataStore, actions: ActionService, models: @escaping @Sendable (AIAgent) async throws -> any LanguageModel,
                events: EventBus, clock: @escaping @Sendable () -> Date = Date.init) {
        self.turns = ReplyHandler(store: store, actions: actions, models: models, events: events, clock: clock)
        self.store = store
        self.events = events
        self.clock = clock
    }

    public func handle(_ job: Job) async throws {
        guard let runId = job.payload.string("runId").flatMap(UUID.init(uuidString:)) else { return }
        let loaded = try await store.withTenant(job.tenantId) { tx -> (EvalRun, AIAgent, [EvalCase], InboxSettings, StoreSettings)? in
            guard let run = try await tx.evals.findRun(runId), run.status == .running, let draft = try await tx.aiAgents.find(run.agentId)
            else { return nil }
            var agent = draft
            if let number = run.versionNumber {
                guard let version = try await tx.agentVersions.find(agentId: run.agentId, number: number) else { return nil }
                agent = version.serving(draft)
            }
            var cases: [EvalCase] = []
            for id in run.caseIds { if let found = try await tx.evals.findCase(id) { cases.append(found) } }
            return (run, agent, cases, try await tx.inbox.settings(), try await tx.settings())
        }
        guard let (first, agent, cases, inboxSettings, storeSettings) = loaded else { return }
        var run = first
        let sandbox = EvalSandbox(turns: turns, settings: inboxSettings, storeSettings: storeSettings)
        let done = Set(run.results.map(\.caseId))
        var pending = cases.filter { !done.contains($0.id) }.makeIterator()
        // A few cases at once: a real model's latency dominates, and the cases are independent.
        try await withThrowingTaskGroup(of: EvalResult.self) { group in
            for _ in 0..<Self.width { if let next = pending.next() { group.addTask { try await evaluate(next, agent: agent, in: sandbox) } } }
            while let result = try await group.next() {
                if let next = pending.next() { group.addTask { try await evaluate(next, agent: agent, in: sandbox) } }
                run = try await store(result, in: run, tenantId: job.tenantId)
                events.publish(LiveEvent(tenantId: job.tenantId, name: "eval.progress",
                                         data: ["runId": .string(run.id.uuidString.lowercased()), "done": .number(Double(run.results.count)),
                                                "total": .number(Double(run.caseIds.count))]))
            }
        }
        run = try await store(nil, in: run, tenantId: job.tenantId)
        let order = Dictionary(run.caseIds.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        run.results.sort { (order[$0.caseId] ?? 0) < (order[$1.caseId] ?? 0) }
        run.status = .finished
        run.finishedAt = clock()
        let finished = run
        try await store.withTenant(job.tenantId) { try await $0.evals.updateRun(finished) }
        events.publish(LiveEvent(tenantId: job.tenantId, name: "eval.finished",
                                 data: ["runId": .string(run.id.uuidString.lowercased()),
                                        "passed": .number(Double(run.results.filter { $0.passed == true }.count)),
                                        "total": .number(Double(run.results.count))]))
    }

    /// Adds a result to the stored run (re-read, so a second worker that took the job after its lease ran out adds
    /// nothing twice) and returns the run as stored.
    private func store(_ result: EvalResult?, in run: EvalRun, tenantId: UUID) async throws -> EvalRun {
        try await store.withTenant(tenantId) { tx in
            var stored = try await tx.evals.findRun(run.id) ?? run
            if let result, !stored.results.contains(where: { $0.caseId == result.caseId }) {
                stored.results.append(result)
                try await tx.evals.updateRun(stored)
            }
            return stored
        }
    }

    /// How many cases of a run play at once.
    static let width = 4

    /// One case: played in the sandbox, checked, and judged when it has a rubric; a failure of the run is a failed case.
    private func evaluate(_ evalCase: EvalCase, agent: AIAgent, in sandbox: EvalSandbox) async throws -> EvalResult {
        do {
            var result = try await sandbox.play(evalCase, agent: agent)
            result.reasons = EvalChecks.failures(evalCase.expect, transcript: result.transcript, tools: result.toolCalls,
                                                 handover: result.handover, costUsd: result.costUsd, handoverReason: result.handoverReason)
            result.passed = result.reasons.isEmpty
            if let rubric = evalCase.expect.rubric { try await judge(rubric, agent: agent, into: &result) }
            return result
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return EvalResult(caseId: evalCase.id, name: evalCase.name, passed: false, reasons: ["the run failed: \(error)"],
                              transcript: [], toolCalls: [], handover: false)
        }
    }

    /// The rubric, judged by the agent's model chain: a clear "fail" fails the case; no clear verdict makes a case that
    /// passed every rule check inconclusive (nil) — never a pass.
    private func judge(_ rubric: String, agent: AIAgent, into result: inout EvalResult) async throws {
        let request = ModelRequest(instructions: EvalJudge.instructions,
                                   messages: [.user(EvalJudge.prompt(rubric: rubric, transcript: result.transcript))],
                                   settings: ModelSettings(model: agent.model ?? "default", temperature: 0, maxTokens: 400))
        let verdict: EvalJudge.Verdict
        do {
            verdict = EvalJudge.parse(try await turns.models(agent).respond(request).text)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            verdict = EvalJudge.Verdict(passed: nil, reasoning: "the judge failed: \(error)")
        }
        result.judge = verdict.reasoning
        switch verdict.passed {
        case true?: break
        case false?: result.passed = false; result.reasons.append("rubric not met: \(verdict.reasoning)")
        case nil:
            result.reasons.append("rubric inconclusive: the judge gave no clear verdict")
            if result.passed == true { result.passed = nil }
        }
    }
}
