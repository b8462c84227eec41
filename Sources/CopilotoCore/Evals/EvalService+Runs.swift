import Foundation

extension EvalRun {
    /// The job that executes a run.
    public static let jobType = "ai_agent_eval"
    /// Most cases one run may take.
    public static let maxCases = 200
}

extension EvalService {
    /// `POST …/evals/run {"version": "draft"|"published"|N, "caseIds"?}`: checks the version exists, stores the run
    /// as running and enqueues its job in the same transaction.
    public func startRun(_ identity: Identity, agentId: UUID, body: JSONValue) async throws -> EvalRun {
        var r = FieldReader(body, allowed: ["version", "caseIds"])
        var version = "draft"
        switch r.raw("version", required: false) {
        case nil: break
        case .string(let text) where text == "draft" || text == "published": version = text
        case .number(let n) where n.rounded() == n && (1...1_000_000).contains(n): version = String(Int(n))
        default: r.fail("version", .invalidFormat, "draft, published or a version number")
        }
        var caseIds: [UUID]?
        if let list = r.raw("caseIds", required: false) {
            let items = list.arrayValue ?? []
            let ids = items.compactMap { $0.stringValue.flatMap(UUID.init(uuidString:)) }
            if list.arrayValue == nil || ids.count != items.count || items.isEmpty || items.count > EvalRun.maxCases {
                r.fail("caseIds", .invalidFormat, "1–\(EvalRun.maxCases) case ids")
            } else { caseIds = ids }
        }
        try r.finish()
        let now = clock(), requested = version, wanted = caseIds
        return try await withAgent(identity, agentId) { tx, _ in
            var number: Int?
            if requested == "published" {
                guard let live = try await tx.agentVersions.published(agentId: agentId) else {
                    throw CopilotoError.invalid([FieldError(field: "version", code: .notFound, detail: "never published")])
                }
                number = live.number
            } else if let n = Int(requested) {
                guard try await tx.agentVersions.find(agentId: agentId, number: n) != nil else {
                    throw CopilotoError.invalid([FieldError(field: "version", code: .notFound)])
                }
                number = n
            }
            // At most two runs of an agent at a time (a run older than an hour whose job died no longer counts).
            let running = try await tx.evals.runs(agentId: agentId, limit: 20)
                .filter { $0.status == .running && now.timeIntervalSince($0.createdAt) < 3600 }
            guard running.count < 2 else { throw CopilotoError.rateLimited(retryAfterSeconds: 30) }
            let all = try await tx.evals.cases(agentId: agentId, limit: Self.maxCases)
            let chosen = wanted.map { ids in all.filter { ids.contains($0.id) } } ?? Array(all.prefix(EvalRun.maxCases))
            if let wanted, chosen.count != Set(wanted).count {
                throw CopilotoError.invalid([FieldError(field: "caseIds", code: .notFound)])
            }
            guard !chosen.isEmpty else { throw CopilotoError.invalid([FieldError(field: "caseIds", code: .required, detail: "no cases")]) }
            let run = EvalRun(tenantId: identity.tenantId, agentId: agentId, version: requested, versionNumber: number,
                              caseIds: chosen.map(\.id), createdBy: identity.user.id, createdAt: now)
            try await tx.evals.insertRun(run)
            try await tx.jobs.schedule(type: EvalRun.jobType, key: nil, payload: ["runId": .string(run.id.uuidString.lowercased())],
                                       runAt: now, deadline: now, now: now)
            try await tx.audit.append(Self.audit(identity, "aiAgent.eval.run", ["runId": .string(run.id.uuidString.lowercased()),
                                                                                "version": .string(requested)], now))
            return run
        }
    }

    public func run(_ identity: Identity, agentId: UUID, runId: UUID) async throws -> EvalRun {
        try await withAgent(identity, agentId) { tx, _ in
            guard let run = try await tx.evals.findRun(runId), run.agentId == agentId else { throw CopilotoError.notFound(resource: "evalRun") }
            return run
        }
    }

    public func runs(_ identity: Identity, agentId: UUID, limit: Int) async throws -> [EvalRun] {
        try await withAgent(identity, agentId) { tx, _ in try await tx.evals.runs(agentId: agentId, limit: min(max(limit, 1), 100)) }
    }

    /// Two runs side by side: the cases whose verdict changed, and the cost and latency differences (head − base).
    public func compare(_ identity: Identity, agentId: UUID, base: UUID, head: UUID) async throws -> EvalComparison {
        let (a, b) = try await withAgent(identity, agentId) { tx, _ in
            guard let a = try await tx.evals.findRun(base), a.agentId == agentId else { throw CopilotoError.notFound(resource: "evalRun") }
            guard let b = try await tx.evals.findRun(head), b.agentId == agentId else { throw CopilotoError.notFound(resource: "evalRun") }
            return (a, b)
        }
        return EvalComparison(base: a, head: b)
    }
}
