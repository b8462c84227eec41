import CopilotoActions
import CopilotoCore
import CopilotoModels
import Foundation

extension AssistantService {
    static let confirmWords: Set<String> = ["sim", "ok", "confirma", "confirmar", "pode", "pode fazer", "manda", "yes", "confirm", "go ahead",
                                            "sim, pode", "pode sim", "confirmo"]
    static let cancelWords: Set<String> = ["nao", "cancela", "cancelar", "deixa", "no", "cancel", "deixa pra la", "nao precisa"]

    /// Stores the user's message and streams the answer. Validation and ownership errors are thrown before streaming.
    public func send(_ identity: Identity, sessionId: UUID, body: JSONValue, language: Language) async throws -> AsyncThrowingStream<AssistantEvent, any Error> {
        var r = FieldReader(body, allowed: ["content", "contextEnabled", "context", "mentions"])
        let content = r.string("content", required: true, max: 8000)
        let (contextEnabled, pageContext, mentions) = PromptContext.read(&r)
        try r.finish()
        guard let content else { throw CopilotoError.invalid(r.errors) }
        let (session, history) = try await get(identity, id: sessionId)
        let now = clock()
        let context = try await store.withTenant(identity.tenantId) { tx -> PromptContext in
            try await tx.assistant.append(AssistantMessage(sessionId: sessionId, role: "user", content: content, createdAt: now))
            var context = PromptContext(mentions: try await PromptContext.expand(mentions, in: tx))
            if contextEnabled {
                context.page = pageContext?.string("page")
                context.entity = pageContext?["entity"]
            }
            return context
        }
        let model = try await models(identity.tenantId)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await turn(identity, session, history, content, language, model, context) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.yield(.agent(.failed(code: "assistant_error", message: String(describing: error))))
                    continuation.finish()
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func turn(_ identity: Identity, _ session: AssistantSession, _ history: [AssistantMessage], _ content: String,
                      _ language: Language, _ model: any LanguageModel, _ context: PromptContext,
                      emit: (AssistantEvent) -> Void) async throws {
        let folded = TextFolding.fold(content).trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        let pendingId = history.last(where: { $0.pendingActionId != nil })?.pendingActionId
        if let pendingId, Self.confirmWords.contains(folded) || Self.cancelWords.contains(folded) {
            try await answerPending(identity, session, pendingId, confirm: Self.confirmWords.contains(folded), language, emit)
            return
        }
        let runner = AgentRunner(model: model, actions: actions, settings: ModelSettings(model: "default"))
        let messages = history.filter { $0.role == "user" || $0.role == "assistant" }.suffix(20)
            .map { ChatMessage(role: $0.role == "user" ? .user : .assistant, content: $0.content) } + [.user(content)]
        var proposed: UUID?
        let instructions = [Prompt.system(identity, language), context.section].filter { !$0.isEmpty }.joined(separator: "\n\n")
        for try await event in runner.run(identity, language: language, instructions: instructions, history: messages,
                                          mode: session.mode == "chat" ? .chat : .agent, sessionId: session.id) {
            switch event {
            case .actionProposed(let pending):
                proposed = pending.id
                emit(.agent(event))
            case .completed(let text, let provider, let usage, let notice):
                let message = AssistantMessage(sessionId: session.id, role: "assistant", content: text, pendingActionId: proposed,
                                               provider: provider, createdAt: clock())
                try await finish(identity, session, message, userText: content)
                emit(.messageCompleted(messageId: message.id, content: text, provider: provider, usage: usage, notice: notice))
            default:
                emit(.agent(event))
            }
        }
    }

    private func answerPending(_ identity: Identity, _ session: AssistantSession, _ pendingId: UUID, confirm: Bool, _ language: Language,
                               _ emit: (AssistantEvent) -> Void) async throws {
        let en = language == .en
        var text: String
        do {
            if confirm {
                _ = try await actions.confirm(identity, pendingId: pendingId, language: language)
                text = en ? "Done! The action was executed." : "Feito! A ação foi executada."
            } else {
                try await actions.cancel(identity, pendingId: pendingId)
                text = en ? "Okay, I cancelled it." : "Tudo bem, cancelei."
            }
        } catch CopilotoError.expired {
            text = en ? "That confirmation expired; ask me again." : "Essa confirmação expirou; é só pedir de novo."
        } catch CopilotoError.forbidden {
            text = MessageKey.forbidden.text(language)
        } catch CopilotoError.conflict(let reason) {
            text = reason.text(language)
        }
        let message = AssistantMessage(sessionId: session.id, role: "assistant", content: text, provider: "copiloto", createdAt: clock())
        try await finish(identity, session, message, userText: nil)
        emit(.messageCompleted(messageId: message.id, content: text, provider: "copiloto", usage: nil, notice: nil))
    }

    /// Stores the assistant's message and titles a new session after its first exchanges.
    private func finish(_ identity: Identity, _ session: AssistantSession, _ message: AssistantMessage, userText: String?) async throws {
        try await store.withTenant(identity.tenantId) { tx in
            try await tx.assistant.append(message)
            var updated = session
            updated.updatedAt = message.createdAt
            if updated.titleSetBy == .system, let userText {
                updated.title = String(userText.prefix(60))
                updated.titleSetBy = .ai
            }
            try await tx.assistant.save(updated, isNew: false)
        }
    }
}

/// The system prompt: identity, rules, language.
enum Prompt {
    static func system(_ identity: Identity, _ language: Language) -> String {
        let name = identity.user.name
        return language == .en
            ? "You are Copiloto, the CRM copilot of \(name) (role: \(identity.role.rawValue)). Be concise, use real data from the tools, never invent. Writes are proposed and confirmed by the user."
            : "Você é o Copiloto, o assistente do CRM de \(name) (perfil: \(identity.role.portugueseName)). Seja objetivo, use dados reais das ferramentas e nunca invente. Alterações são propostas e confirmadas pelo usuário."
    }
}
