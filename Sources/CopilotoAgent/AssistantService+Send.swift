import CopilotoActions
import CopilotoCore
import CopilotoModels
import Foundation

extension AssistantService {
    static let confirmWords: Set<String> = ["sim", "ok", "confirma", "confirmar", "pode", "pode fazer", "manda", "yes", "confirm", "go ahead",
                                            "sim, pode", "pode sim", "confirmo"]
    static let cancelWords: Set<String> = ["nao", "cancela", "cancelar", "deixa", "no", "cancel", "deixa pra la", "nao precisa"]

    /// Stores the user's message and streams the answer. Validation and ownership errors are thrown before streaming.
    /// The answer is stored as the assistant message `replyId`, so a stream can name it before it is complete.
    public func send(_ identity: Identity, sessionId: UUID, body: JSONValue, language: Language,
                     replyId: UUID = UUID()) async throws -> AsyncThrowingStream<AssistantEvent, any Error> {
        var r = FieldReader(body, allowed: ["content", "contextEnabled", "context", "mentions"])
        let content = r.string("content", required: true, max: 8000)
        let (contextEnabled, pageContext, mentions) = PromptContext.read(&r)
        try r.finish()
        guard let content else { throw CopilotoError.invalid(r.errors) }
        let (session, history) = try await get(identity, id: sessionId)
        let now = clock()
        let authorizer = actions.authorizer
        let (context, zone) = try await store.withTenant(identity.tenantId) { tx -> (PromptContext, TimeZone) in
            try await tx.assistant.append(AssistantMessage(sessionId: sessionId, role: "user", content: content, createdAt: now))
            let matrix = try await authorizer.matrix(in: tx)
            var context = PromptContext(mentions: try await PromptContext.expand(mentions, in: tx) { matrix.allows(identity, $0) })
            context.apply(page: pageContext, enabled: contextEnabled)
            return (context, try await tx.settings().timeZone)
        }
        let model = metered(try await models(identity.tenantId))
        let instructions = Prompt.system(identity, language, context: context, now: now, timeZone: zone)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await turn(identity, session, history, content, language, model, (instructions, context.receipt), replyId) {
                        continuation.yield($0)
                    }
                    await flush(usage: model, identity, sessionId: sessionId, source: "assistant")
                    continuation.finish()
                } catch {
                    await flush(usage: model, identity, sessionId: sessionId, source: "assistant")
                    continuation.yield(.agent(.failed(code: "assistant_error", message: String(describing: error))))
                    continuation.finish()
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func turn(_ identity: Identity, _ session: AssistantSession, _ history: [AssistantMessage], _ content: String,
                      _ language: Language, _ model: MeteredModel, _ prompt: (instructions: String, receipt: JSONValue),
                      _ replyId: UUID, emit: (AssistantEvent) -> Void) async throws {
        let folded = TextFolding.fold(content).trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        let pendingId = history.last(where: { $0.pendingActionId != nil })?.pendingActionId
        if let pendingId, Self.confirmWords.contains(folded) || Self.cancelWords.contains(folded) {
            let userTexts = history.filter { $0.role == "user" }.map(\.content)
            let title = session.titleSetBy == .system && userTexts.count >= 1 ? LocalTitler.title(userTexts) : nil
            try await answerPending(identity, session, pendingId, confirm: Self.confirmWords.contains(folded), language, title: title,
                                    replyId: replyId, emit)
            return
        }
        let runner = AgentRunner(model: model, actions: actions, settings: ModelSettings(model: "default"))
        let messages = history.filter { $0.role == "user" || $0.role == "assistant" }.suffix(20)
            .map { ChatMessage(role: $0.role == "user" ? .user : .assistant, content: $0.content) } + [.user(content)]
        var proposed: UUID?
        for try await event in runner.run(identity, language: language, instructions: prompt.instructions, history: messages,
                                          mode: session.mode == "chat" ? .chat : .agent, sessionId: session.id) {
            switch event {
            case .actionProposed(let pending):
                proposed = pending.id
                emit(.agent(event))
            case .completed(let text, let provider, _, let notice):
                let calls = model.tally
                let spent = calls.total
                let message = AssistantMessage(id: replyId, sessionId: session.id, role: "assistant", content: text, pendingActionId: proposed,
                                               provider: provider, model: calls.last?.model, usage: spent.map { Self.usageJSON($0.usage, costNanoUSD: $0.costNanoUSD) },
                                               context: prompt.receipt, createdAt: clock())
                let userTexts = history.filter { $0.role == "user" }.map(\.content) + [content]
                let title = session.titleSetBy == .system && userTexts.count >= 2 ? await title(for: userTexts, model, language) : nil
                try await finish(identity, session, message, title: title, usage: model)
                emit(.messageCompleted(messageId: message.id, content: text, provider: provider, usage: spent?.usage,
                                       costNanoUSD: spent?.costNanoUSD ?? 0, notice: notice))
            default:
                emit(.agent(event))
            }
        }
    }

    private func answerPending(_ identity: Identity, _ session: AssistantSession, _ pendingId: UUID, confirm: Bool, _ language: Language, title: String?,
                               replyId: UUID, _ emit: (AssistantEvent) -> Void) async throws {
        let en = language == .en
        var text: String
        let current = try await store.withTenant(identity.tenantId) { try await $0.pendingActions.find(pendingId) }
        if let current, current.status != .pending {
            // Already settled (say, by the card's button): report it, never run it again.
            switch current.status {
            case .executed, .executing: text = en ? "That action was already executed." : "Essa ação já foi executada."
            case .cancelled: text = en ? "That action was already cancelled." : "Essa ação já tinha sido cancelada."
            case .expired: text = en ? "That confirmation expired; ask me again." : "Essa confirmação expirou; é só pedir de novo."
            default: text = en ? "That action failed; ask me again." : "Essa ação falhou; é só pedir de novo."
            }
        } else {
            do {
                if confirm {
                    let result = try await actions.confirm(identity, pendingId: pendingId, language: language)
                    emit(.actionResolved(pendingActionId: pendingId, status: "executed", result: result))
                    text = en ? "Done! The action was executed." : "Feito! A ação foi executada."
                } else {
                    try await actions.cancel(identity, pendingId: pendingId)
                    emit(.actionResolved(pendingActionId: pendingId, status: "cancelled", result: nil))
                    text = en ? "Okay, I cancelled it." : "Tudo bem, cancelei."
                }
            } catch CopilotoError.expired {
                emit(.actionResolved(pendingActionId: pendingId, status: "expired", result: nil))
                text = en ? "That confirmation expired; ask me again." : "Essa confirmação expirou; é só pedir de novo."
            } catch CopilotoError.forbidden {
                emit(.actionResolved(pendingActionId: pendingId, status: "denied", result: nil))
                text = MessageKey.forbidden.text(language)
            } catch CopilotoError.scopeMissing {
                // An API token without `confirm` cannot approve in chat either; a signed-in person must.
                emit(.actionResolved(pendingActionId: pendingId, status: "denied", result: nil))
                text = MessageKey.tokenScopeMissing.text(language)
            } catch CopilotoError.conflict(let reason) {
                emit(.actionResolved(pendingActionId: pendingId, status: "failed", result: nil))
                text = reason.text(language)
            }
        }
        let message = AssistantMessage(id: replyId, sessionId: session.id, role: "assistant", content: text, provider: "copiloto", createdAt: clock())
        try await finish(identity, session, message, title: title)
        emit(.messageCompleted(messageId: message.id, content: text, provider: "copiloto", usage: nil, costNanoUSD: 0, notice: nil))
    }

    /// A short title for the session from its first user messages: the model's, or the local engine's when it fails.
    private func title(for userTexts: [String], _ model: any LanguageModel, _ language: Language) async -> String {
        let texts = Array(userTexts.prefix(3))
        let ask = language == .en ? "Give a short title (at most 6 words, no quotes) for a conversation that starts like this:"
            : "Dê um título curto (no máximo 6 palavras, sem aspas) para uma conversa que começa assim:"
        let request = ModelRequest(messages: [.user(ask + "\n" + texts.joined(separator: "\n"))],
                                   settings: ModelSettings(model: "default", temperature: 0.2, maxTokens: 24), task: .title(userMessages: texts))
        let answer = (try? await model.respond(request))?.text.split(separator: "\n").first.map(String.init) ?? ""
        let clean = answer.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”*#").union(.whitespaces))
        return clean.isEmpty || clean.count > 80 ? LocalTitler.title(texts) : clean
    }

    /// Stores the assistant's message; names a session still called "Nova conversa" when a title is given.
    private func finish(_ identity: Identity, _ session: AssistantSession, _ message: AssistantMessage, title: String?,
                        usage model: MeteredModel? = nil) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await tx.assistant.append(message)
            if let model { try await store(usage: model, identity, sessionId: session.id, source: "assistant", in: tx) }
            // Re-read: the user may have renamed the session while the turn ran; a user's title is final.
            var updated = try await tx.assistant.session(session.id, userId: identity.user.id) ?? session
            updated.updatedAt = message.createdAt
            if let title, updated.titleSetBy == .system {
                updated.title = String(title.prefix(80))
                updated.titleSetBy = .ai
            }
            try await tx.assistant.save(updated, isNew: false)
        }
    }
}
