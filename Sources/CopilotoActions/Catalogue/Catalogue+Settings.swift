import CopilotoCore
import Foundation

extension Catalogue {
    static let settings: [ActionDefinition] = [
        ActionDefinition(
            name: "updateStoreSettings", title: LocalizedText("Alterar dados da loja", "Update store settings"),
            description: LocalizedText("Nome, moeda, fuso horário, idioma e horário de funcionamento.",
                                       "Name, currency, time zone, language and business hours."),
            parameters: Schema.object([
                "name": Schema.string("Nome da loja", maxLength: 120), "currency": Schema.string("Moeda (ISO 4217)", maxLength: 3),
                "timezone": Schema.string("Fuso horário (IANA)", maxLength: 60), "language": Schema.choice("Idioma", ["pt-BR", "en"]),
                "businessHours": ["type": "object", "description": "Horário de funcionamento por dia"],
            ]),
            risk: .write,
            canonicalize: { params, ctx in
                _ = try StoreSettingsRules.apply(params, to: try await ctx.tx.settings(), now: ctx.now)
                return params
            },
            preview: { params, ctx in
                let current = try await ctx.tx.settings()
                let next = try StoreSettingsRules.apply(params, to: current, now: ctx.now)
                let changes = PreviewText.changes(from: try JSONCoding.value(current), to: try JSONCoding.value(next),
                                                  fields: StoreSettingsRules.fields)
                let verb = ctx.language == .en ? "Update store settings" : "Alterar dados da loja"
                return ActionPreview(summary: "\(verb): " + PreviewText.describe(changes), changes: changes)
            },
            execute: { params, ctx in
                let next = try StoreSettingsRules.apply(params, to: try await ctx.tx.settings(), now: ctx.now)
                try await ctx.tx.saveSettings(next)
                return try JSONCoding.value(next)
            }),
        ActionDefinition(
            name: "sendPaymentReminder", title: LocalizedText("Lembrar pagamento", "Send payment reminder"),
            description: LocalizedText("Envia ao cliente um lembrete da fatura (WhatsApp ou e-mail).",
                                       "Sends the customer a reminder of an invoice (WhatsApp or e-mail)."),
            parameters: Schema.object(["invoiceId": Schema.reference("Fatura: id ou número"),
                                       "channel": Schema.choice("Canal", OutboundMessage.Channel.allCases.map(\.rawValue))],
                                      required: ["invoiceId"]),
            risk: .write,
            canonicalize: { params, ctx in
                let id = try await References.resolve(params["invoiceId"], field: "invoiceId", sequence: .invoice, tx: ctx.tx)
                let canonical = params.setting("invoiceId", .string(id.uuidString.lowercased()))
                _ = try await PaymentReminder.compose(canonical, ctx)
                return canonical
            },
            preview: { params, ctx in
                let message = try await PaymentReminder.compose(params, ctx)
                let summary = ctx.language == .en
                    ? "Send a payment reminder by \(message.channel.rawValue) to \(message.recipient)."
                    : "Enviar lembrete de pagamento por \(message.channel == .email ? "e-mail" : "WhatsApp") para \(message.recipient)."
                return ActionPreview(summary: summary, changes: [ActionPreview.Change(field: "message", before: nil, after: .string(message.body))])
            },
            execute: { params, ctx in
                let message = try await PaymentReminder.compose(params, ctx)
                try await ctx.tx.outbox.enqueue(message)
                return ["queued": true, "messageId": .string(message.id.uuidString), "channel": .string(message.channel.rawValue),
                        "recipient": .string(message.recipient)]
            }),
    ]
}

/// The reminder text, in the store's language, and where it goes.
enum PaymentReminder {
    static func compose(_ params: JSONValue, _ ctx: ActionContext) async throws -> OutboundMessage {
        guard let text = params.string("invoiceId"), let id = UUID(uuidString: text),
              let invoice = try await ctx.tx.invoices.find(id) else { throw CopilotoError.notFound(resource: "invoices") }
        guard invoice.status == .open else { throw CopilotoError.conflict(reason: .invoiceAlreadyPaid) }
        let settings = try await ctx.tx.settings()
        guard let customer = try await ctx.tx.customers.find(invoice.customerId) else { throw CopilotoError.notFound(resource: "customers") }
        let wanted = params.string("channel").flatMap(OutboundMessage.Channel.init(rawValue:))
        let channel = wanted ?? (customer.phone != nil ? .whatsapp : .email)
        guard let recipient = channel == .whatsapp ? customer.phone : customer.email else {
            throw CopilotoError.unprocessable(reason: .noContactForChannel)
        }
        let amount = invoice.balance.formatted(currency: invoice.currency, language: settings.language)
        let first = customer.name.split(separator: " ").first.map(String.init) ?? customer.name
        let due = invoice.dueDate.split(separator: "-").reversed().joined(separator: "/")
        let body = settings.language == .en
            ? "Hi \(first)! A friendly reminder from \(settings.name): invoice #\(invoice.number) for \(amount) was due on \(invoice.dueDate). If you have already paid, please ignore this message."
            : "Oi, \(first)! Tudo bem? Aqui é da \(settings.name). Passando para lembrar da fatura nº \(invoice.number), no valor de \(amount), com vencimento em \(due). Se já pagou, é só desconsiderar esta mensagem."
        return OutboundMessage(tenantId: ctx.identity.tenantId, channel: channel, recipient: recipient, customerId: customer.id,
                               invoiceId: invoice.id, body: body, createdAt: ctx.now)
    }
}
