import CopilotoCore
import Foundation

/// The inbox tools that change the contact, the conversation's tags and stage, the agenda and follow-ups.
extension Catalogue {
    static let updateContact: ActionDefinition = {
        let fields: [String: JSONValue] = [
            "contactId": Schema.uuid("Contato"), "name": Schema.string("Nome"), "email": Schema.string("E-mail", maxLength: 254, format: "email"),
            "phone": Schema.string("Telefone", maxLength: 40), "position": Schema.string("Cargo ou relação", maxLength: 100),
        ]
        @Sendable func contact(_ params: JSONValue, _ ctx: ActionContext) async throws -> Contact {
            var id = params.string("contactId").flatMap(UUID.init(uuidString:))
            if let conversationId = params.string("conversationId").flatMap(UUID.init(uuidString:)) {
                let owner = try await InboxOperations.require(conversationId, in: ctx.tx).contactId
                if let id, id != owner { throw CopilotoError.invalid([FieldError(field: "contactId", code: .notAllowed)]) }
                id = owner
            }
            guard let id else { throw CopilotoError.invalid([FieldError(field: "contactId", code: .required)]) }
            guard let found = try await ctx.tx.contacts.find(id) else { throw CopilotoError.notFound(resource: "contact") }
            return found
        }
        @Sendable func changed(_ params: JSONValue, _ old: Contact) throws -> (Contact, [ActionPreview.Change]) {
            var new = old
            if let name = params.string("name") { new.name = name }
            if let email = params.string("email") { new.email = email }
            if let phone = params.string("phone") { new.phone = phone }
            if let position = params.string("position") { new.position = position }
            return (new, PreviewText.changes(from: try JSONCoding.value(old), to: try JSONCoding.value(new),
                                             fields: ["name", "email", "phone", "position"]))
        }
        var definition = ActionDefinition(
            name: "updateContact", title: LocalizedText("Atualizar contato", "Update contact"),
            description: LocalizedText("Atualiza nome, e-mail, telefone ou cargo do contato (o da conversa, ou contactId).",
                                       "Updates the contact's name, e-mail, phone or position (the conversation's, or contactId)."),
            parameters: Schema.object(fields.merging(conversationParam) { a, _ in a }), risk: .write,
            preview: { params, ctx in
                let old = try await contact(params, ctx)
                return ActionPreview(summary: pt(ctx, "Atualizar o contato \(old.name)", "Update contact \(old.name)"), changes: try changed(params, old).1)
            },
            execute: { params, ctx in
                var (new, _) = try changed(params, try await contact(params, ctx))
                new.updatedAt = ctx.now
                try await ctx.tx.contacts.update(new)
                return ["contactId": .string(new.id.uuidString.lowercased()), "name": .string(new.name),
                        "email": new.email.map(JSONValue.string) ?? .null, "phone": new.phone.map(JSONValue.string) ?? .null]
            })
        definition.conversationScoped = true
        return definition
    }()

    static let addTag = conversationTool(
        "addTag", title: LocalizedText("Etiquetar conversa", "Tag conversation"),
        description: LocalizedText("Adiciona etiquetas à conversa (ex.: \"orçamento\", \"reclamação\").", "Adds tags to the conversation."),
        parameters: ["tag": Schema.string("Etiqueta", maxLength: 60), "tags": Schema.array("Etiquetas", of: Schema.string("Etiqueta", maxLength: 60), maxItems: 10)],
        summary: { params, _, ctx in pt(ctx, "Etiquetar a conversa: ", "Tag the conversation: ") + tags(params).joined(separator: ", ") },
        execute: { params, conversation, ctx in
            let list = tags(params)
            guard !list.isEmpty else { throw CopilotoError.invalid([FieldError(field: "tag", code: .required)]) }
            return conversationJSON(try await InboxOperations.addTags(conversation.id, list, in: ctx.tx, now: ctx.now))
        })

    static func tags(_ params: JSONValue) -> [String] {
        ([params.string("tag")] + (params["tags"]?.arrayValue ?? []).map(\.stringValue))
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static let createActivity = conversationTool(
        "createActivity", title: LocalizedText("Criar atividade", "Create activity"),
        description: LocalizedText("Cria uma tarefa na agenda ligada a esta conversa (ligar, enviar proposta…).",
                                   "Creates an agenda task linked to this conversation (call back, send a quote…)."),
        parameters: ["title": Schema.string("Atividade"), "dueAt": Schema.dateTime("Prazo"), "assigneeId": Schema.uuid("Responsável"),
                     "notes": Schema.string("Detalhes", maxLength: 2000)],
        required: ["title"],
        summary: { params, _, ctx in pt(ctx, "Criar a atividade \"\(params.string("title") ?? "")\"", "Create activity \"\(params.string("title") ?? "")\"") },
        execute: { params, conversation, ctx in
            var r = FieldReader(params, allowed: ["conversationId", "title", "dueAt", "assigneeId", "notes"])
            let title = r.string("title", required: true) ?? "", due = r.timestamp("dueAt"), assignee = r.uuid("assigneeId")
            let notes = r.string("notes", max: 2000)
            try r.finish()
            let contact = try await ctx.tx.contacts.find(conversation.contactId)
            let item = AgendaItem(tenantId: ctx.identity.tenantId, kind: .task, title: title,
                                  notes: [notes, "Conversa \(conversation.id.uuidString.lowercased())"].compactMap { $0 }.joined(separator: "\n"),
                                  customerId: contact?.customerId, assigneeId: assignee ?? conversation.assignedUserId, dueAt: due, createdAt: ctx.now)
            try await ctx.tx.agenda.insert(item)
            return ["activityId": .string(item.id.uuidString.lowercased()), "title": .string(title),
                    "dueAt": due.map { .string(JSONCoding.rfc3339($0)) } ?? .null]
        })

    static let moveToStage = conversationTool(
        "moveToStage", title: LocalizedText("Mover de etapa", "Move to stage"),
        description: LocalizedText("Move a conversa para uma etapa do funil (ex.: \"Proposta\").", "Moves the conversation to a funnel stage."),
        parameters: ["stage": Schema.string("Etapa", maxLength: 80), "funnel": Schema.string("Funil", maxLength: 80)], required: ["stage"],
        summary: { params, conversation, ctx in
            let target = try await InboxOperations.stage(params.string("stage") ?? "", funnel: params.string("funnel"), for: conversation, in: ctx.tx)
            return pt(ctx, "Mover a conversa de \"\(conversation.stage ?? "—")\" para \"\(target.funnel) › \(target.stage)\"",
                      "Move the conversation from \"\(conversation.stage ?? "—")\" to \"\(target.funnel) › \(target.stage)\"")
        },
        execute: { params, conversation, ctx in
            conversationJSON(try await InboxOperations.move(conversation.id, toStage: params.string("stage") ?? "", funnel: params.string("funnel"),
                                                            in: ctx.tx, now: ctx.now))
        })

    static let scheduleFollowUp = conversationTool(
        "scheduleFollowUp", title: LocalizedText("Agendar retorno", "Schedule follow-up"),
        description: LocalizedText("Agenda uma mensagem ao cliente se ele não responder até lá (padrão: 24 h).",
                                   "Schedules a message to the customer if they have not written by then (default 24 h)."),
        parameters: ["text": Schema.string("Mensagem", maxLength: 1000), "at": Schema.dateTime("Quando"),
                     "inHours": Schema.integer("Daqui a quantas horas", minimum: 1, maximum: 720),
                     "template": Schema.object(["name": Schema.string("Modelo aprovado do WhatsApp", maxLength: 512),
                                                "language": Schema.string("Idioma do modelo (pt_BR)", maxLength: 15),
                                                "variables": Schema.array("Variáveis do corpo", of: Schema.string("Valor", maxLength: 1000),
                                                                          maxItems: 10)],
                                               required: ["name"])],
        required: ["text"],
        summary: { params, _, ctx in
            let when = LocalCalendarText.short(followUpTime(params, ctx.now), ctx, zone: try await ctx.tx.settings().timeZone)
            return pt(ctx, "Enviar \"\(params.string("text") ?? "")\" em \(when) se o cliente não responder",
                      "Send \"\(params.string("text") ?? "")\" at \(when) unless the customer writes")
        },
        execute: { params, conversation, ctx in
            let when = followUpTime(params, ctx.now)
            guard when > ctx.now else { throw CopilotoError.invalid([FieldError(field: "at", code: .outOfRange, detail: "future")]) }
            let isAI = ctx.identity.isAIAgent
            try await InboxOperations.scheduleFollowUp(conversation.id, text: params.string("text") ?? "", at: when, by: ctx.identity.user.id,
                                                       sender: isAI ? .aiAgent : .agent, template: params["template"], in: ctx.tx, now: ctx.now)
            return ["conversationId": .string(conversation.id.uuidString.lowercased()), "at": .string(JSONCoding.rfc3339(when))]
        })

    static func followUpTime(_ params: JSONValue, _ now: Date) -> Date {
        if let at = params.string("at").flatMap(ContactFormats.timestamp) { return at }
        return now.addingTimeInterval((params["inHours"]?.numberValue ?? 24) * 3600)
    }
}

/// Short date and time in the store's zone for previews ("21/11 14:30").
enum LocalCalendarText {
    static func short(_ date: Date, _ ctx: ActionContext, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: ctx.language == .en ? "en_US_POSIX" : "pt_BR")
        formatter.timeZone = zone
        formatter.dateFormat = ctx.language == .en ? "MM/dd HH:mm" : "dd/MM HH:mm"
        return formatter.string(from: date)
    }
}
