import CopilotoCore
import CopilotoModels
import Foundation

extension AssistantService {
    /// A Ctrl+. exchange (D8): rewrites a field's text following an instruction, with no tools (nothing can be
    /// changed from a quick exchange), streamed like a message and kept for seven days.
    public func quick(_ identity: Identity, body: JSONValue, language: Language) async throws -> AsyncThrowingStream<AssistantEvent, any Error> {
        var r = FieldReader(body, allowed: ["fieldId", "text", "instruction"])
        let fieldId = r.string("fieldId", max: 200)
        let text = r.string("text", required: true, max: 20_000)
        let instruction = r.string("instruction", required: true, max: 500)
        try r.finish()
        guard let text, let instruction else { throw CopilotoError.invalid(r.errors) }
        let model = metered(try await models(identity.tenantId))
        let request = ModelRequest(instructions: Self.quickInstructions(language), messages: [.user("Instrução: \(instruction)\n\nTexto:\n\(text)")],
                                   settings: ModelSettings(model: "default", temperature: 0.3), task: .rewrite(instruction: instruction, text: text))
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var response: ModelResponse?
                    for try await event in model.stream(request) {
                        switch event {
                        case .textDelta(let piece): continuation.yield(.agent(.textDelta(piece)))
                        case .completed(let answer): response = answer
                        case .toolCallStarted, .restarted: continue
                        }
                    }
                    guard let response else { throw ModelError.streamCut }
                    let output = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    let exchange = QuickExchange(tenantId: identity.tenantId, userId: identity.user.id, fieldId: fieldId, instruction: instruction,
                                                 text: text, output: output, provider: response.provider, createdAt: clock())
                    try await store.withTenant(identity.tenantId) { tx in
                        try await tx.quickExchanges.save(exchange)
                        try await self.store(usage: model, identity, sessionId: nil, source: "quick", in: tx)
                    }
                    let spent = model.tally.total
                    continuation.yield(.messageCompleted(messageId: exchange.id, content: output, provider: response.provider, usage: spent?.usage,
                                                         costNanoUSD: spent?.costNanoUSD ?? 0,
                                                         notice: FallbackNotice.message(for: response, language: language)))
                    continuation.finish()
                } catch {
                    await flush(usage: model, identity, sessionId: nil, source: "quick")
                    continuation.yield(.agent(.failed(code: "assistant_error", message: String(describing: error))))
                    continuation.finish()
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Turns a quick exchange into a permanent session (chat mode) with its two messages; 410 once expired.
    public func promote(_ identity: Identity, quickId: UUID) async throws -> AssistantSession {
        let now = clock()
        return try await store.withTenant(identity.tenantId) { tx in
            guard let exchange = try await tx.quickExchanges.find(quickId, userId: identity.user.id) else {
                throw CopilotoError.notFound(resource: "quick")
            }
            guard exchange.expiresAt > now else { throw CopilotoError.expired }
            let session = AssistantSession(tenantId: identity.tenantId, userId: identity.user.id, title: String(exchange.instruction.prefix(60)),
                                           titleSetBy: .ai, mode: "chat", createdAt: now)
            try await tx.assistant.save(session, isNew: true)
            try await tx.assistant.append(AssistantMessage(sessionId: session.id, role: "user",
                                                           content: "\(exchange.instruction)\n\n\(exchange.text)", createdAt: exchange.createdAt))
            try await tx.assistant.append(AssistantMessage(sessionId: session.id, role: "assistant", content: exchange.output,
                                                           provider: exchange.provider, createdAt: exchange.createdAt.addingTimeInterval(0.001)))
            try await tx.quickExchanges.delete(exchange.id)
            return session
        }
    }

    static func quickInstructions(_ language: Language) -> String {
        language == .en
            ? "Rewrite the user's text following the instruction. Answer with the rewritten text only, in the text's language, with no comments."
            : "Reescreva o texto do usuário seguindo a instrução. Responda só com o texto reescrito, no idioma do texto, sem comentários."
    }
}
