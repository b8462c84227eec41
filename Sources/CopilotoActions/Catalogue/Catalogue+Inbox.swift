import CopilotoCore
import Foundation

/// The inbox tools (ACTIONS.md, section F of MISSION.md): each works on one conversation. People run the writes
/// through prepare → confirm like any other; an AI agent runs the ones it was given on its own conversation.
extension Catalogue {
    static let conversationParam: [String: JSONValue] = ["conversationId": Schema.uuid("Conversa / conversation")]

    static func conversationTool(_ name: String, risk: ActionRisk = .write, title: LocalizedText, description: LocalizedText,
                                 parameters: [String: JSONValue], required: [String] = [],
                                 summary: @escaping @Sendable (JSONValue, Conversation, ActionContext) async throws -> String,
                                 execute: @escaping @Sendable (JSONValue, Conversation, ActionContext) async throws -> JSONValue) -> ActionDefinition {
        @Sendable func conversation(_ params: JSONValue, _ ctx: ActionContext) async throws -> Conversation {
            guard let id = params.string("conversationId").flatMap(UUID.init(uuidString:)) else {
                throw CopilotoError.invalid([FieldError(field: "conversationId", code: .required)])
            }
            return try await InboxOperations.require(id, in: ctx.tx)
        }
        var definition = ActionDefinition(
            name: name, title: title, description: description,
            parameters: Schema.object(conversationParam.merging(parameters) { a, _ in a }, required: ["conversationId"] + required), risk: risk,
            preview: { params, ctx in ActionPreview(summary: try await summary(params, try await conversation(params, ctx), ctx)) },
            execute: { params, ctx in try await execute(params, try await conversation(params, ctx), ctx) })
        definition.conversationScoped = true
        return definition
    }

    static func conversationJSON(_ c: Conversation) -> JSONValue {
        ["conversationId": .string(c.id.uuidString.lowercased()), "status": .string(c.status.rawValue),
         "assignedUserId": c.assignedUserId.map { .string($0.uuidString.lowercased()) } ?? .null,
         "aiPaused": .bool(c.aiPaused), "funnel": c.funnel.map(JSONValue.string) ?? .null, "stage": c.stage.map(JSONValue.string) ?? .null,
         "tags": .array(c.tags.map(JSONValue.string))]
    }

    static func pt(_ ctx: ActionContext, _ pt: String, _ en: String) -> String { ctx.language == .en ? en : pt }

    static var inbox: [ActionDefinition] {
        [previousConversations, transferToHuman, closeConversation, updateContact, addTag, createActivity, moveToStage, scheduleFollowUp]
    }

    static let previousConversations = conversationTool(
        "previousConversations", risk: .read,
        title: LocalizedText("Conversas anteriores", "Previous conversations"),
        description: LocalizedText("Lista as conversas anteriores deste contato, com as últimas mensagens.",
                                   "Lists this contact's earlier conversations with their last messages."),
        parameters: ["limit": Schema.integer("Quantas (até 10)", minimum: 1, maximum: 10)],
        summary: { _, _, ctx in pt(ctx, "Consultar conversas anteriores", "Look up previous conversations") },
        execute: { params, conversation, ctx in
            let limit = min(max(params["limit"]?.intValue ?? 5, 1), 10)
            var items: [JSONValue] = []
            for other in try await ctx.tx.inbox.conversations(contactId: conversation.contactId, limit: limit + 1)
            where other.id != conversation.id {
                let last = try await ctx.tx.inbox.recentMessages(conversationId: other.id, limit: 4).filter { !$0.1.isInternal }
                items.append(conversationJSON(other).setting("channel", .string(other.channel.rawValue))
                    .setting("startedAt", .string(JSONCoding.rfc3339(other.createdAt)))
                    .setting("escalationReason", other.escalationReason.map { .string($0.rawValue) } ?? .null)
                    .setting("lastMessages", .array(last.map { ["sender": .string($0.1.sender.rawValue), "text": .string($0.1.text)] })))
            }
            return ["conversations": .array(Array(items.prefix(limit))), "count": .number(Double(min(items.count, limit)))]
        })

    static let transferToHuman = conversationTool(
        "transferToHuman", title: LocalizedText("Transferir para humano", "Transfer to a person"),
        description: LocalizedText("Passa a conversa para uma pessoa da equipe; a IA para de responder.",
                                   "Hands the conversation to a team member; the AI stops answering."),
        parameters: ["reason": Schema.choice("Motivo", EscalationReason.allCases.map(\.rawValue)),
                     "userId": Schema.uuid("Pessoa (opcional)"), "note": Schema.string("Observação para a equipe", maxLength: 500)],
        summary: { params, _, ctx in pt(ctx, "Transferir a conversa para atendimento humano", "Transfer the conversation to a person")
            + (params.string("reason").map { " (\($0))" } ?? "") },
        execute: { params, conversation, ctx in
            let reason = params.string("reason").flatMap(EscalationReason.init(rawValue:)) ?? .customerRequest
            let (changed, _) = try await InboxOperations.transfer(conversation.id, reason: reason,
                                                                  to: params.string("userId").flatMap(UUID.init(uuidString:)),
                                                                  note: params.string("note"), in: ctx.tx, now: ctx.now)
            return conversationJSON(changed).setting("reason", .string(reason.rawValue))
        })

    static let closeConversation = conversationTool(
        "closeConversation", title: LocalizedText("Encerrar conversa", "Close conversation"),
        description: LocalizedText("Encerra o atendimento desta conversa.", "Closes this conversation."),
        parameters: [:],
        summary: { _, _, ctx in pt(ctx, "Encerrar a conversa", "Close the conversation") },
        execute: { _, conversation, ctx in conversationJSON(try await InboxOperations.close(conversation.id, in: ctx.tx, now: ctx.now)) })
}
