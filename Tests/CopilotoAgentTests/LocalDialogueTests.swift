import CopilotoActions
import CopilotoAgent
import CopilotoCore
import CopilotoDemo
import CopilotoModels
import CopilotoStore
import CopilotoTesting
import Foundation
import Testing

/// The local engine across turns of a real session: answers to its questions complete the request, typos in
/// command words and names are tolerated, ambiguity is asked about and answered, hints are not acted on.
@Suite("Local engine dialogue")
struct LocalDialogueTests {
    struct Turn: Sendable {
        let reply: String
        let proposed: PendingAction?
    }

    final class Chat: Sendable {
        let assistant: AssistantService
        let identity: Identity
        let session: UUID
        let store: SQLDataStore

        init(_ assistant: AssistantService, _ identity: Identity, _ session: UUID, _ store: SQLDataStore) {
            (self.assistant, self.identity, self.session, self.store) = (assistant, identity, session, store)
        }

        func say(_ text: String) async throws -> Turn {
            var reply = "", proposed: PendingAction?
            for try await event in try await assistant.send(identity, sessionId: session, body: ["content": .string(text)], language: .ptBR) {
                if case .agent(.actionProposed(let pending)) = event { proposed = pending }
                if case .messageCompleted(_, let content, _, _, _, _) = event { reply = content }
            }
            return Turn(reply: reply, proposed: proposed)
        }

        func customer(named name: String) async throws -> Customer? {
            try await store.withTenant(identity.tenantId) { try await $0.customers.list(PageRequest(limit: 5, query: name)).items.first }
        }

        func createCustomer(_ name: String) async throws -> Customer {
            let crm = CRMService(store: store)
            return try await crm.create(Resources.customers, identity, body: ["name": .string(name)])
        }
    }

    static func chat(_ body: @Sendable (Chat) async throws -> Void) async throws {
        try await Backend.sqlite.withStore { store in
            try await DemoSeeder(store: store, passwords: PlainPasswordHasher()).seedIfEmpty()
            guard let (user, _) = try await store.system.userForLogin(email: "manager@demo.local") else { return }
            let identity = Identity(user: user, tokenId: UUID())
            let actions = ActionService(store: store, authorizer: Authorizer(), signer: ApprovalSigner(secret: Data("k".utf8)),
                                        runner: ToolRunner(box: SecretBox(secret: Data("k".utf8))))
            let assistant = AssistantService(store: store, actions: actions, models: { _ in HeuristicEngine() })
            let session = try await assistant.create(identity, body: [:])
            try await body(Chat(assistant, identity, session.id, store))
        }
    }

    @Test("a missing name asked for and answered in the next message completes the action")
    func answersQuestion() async throws {
        try await Self.chat { chat in
            let first = try await chat.say("cadastra um cliente novo")
            #expect(first.proposed == nil)
            #expect(first.reply.contains("nome"))
            let second = try await chat.say("Maria Helena Duarte")
            #expect(second.proposed?.action == "createCustomer")
            #expect(second.proposed?.params.string("name") == "Maria Helena Duarte")
        }
    }

    @Test("a missing date and time arrive in a later message")
    func answersDate() async throws {
        try await Self.chat { chat in
            let customer = try await chat.createCustomer("Rosana Figueiredo")
            let first = try await chat.say("agenda um corte para a Rosana Figueiredo")
            #expect(first.proposed == nil)
            let second = try await chat.say("amanhã às 15h")
            #expect(second.proposed?.action == "scheduleJob")
            #expect(second.proposed?.params.string("customerId")?.lowercased() == customer.id.uuidString.lowercased())
            let zone = TimeZone(identifier: "America/Sao_Paulo")!
            let calendar = LocalCalendar(timeZone: zone)
            let startsAt = second.proposed?.params.string("startsAt").flatMap(ContactFormats.timestamp)
            #expect(startsAt.map { calendar.day(of: $0) } == calendar.day(of: calendar.adding(days: 1, to: Date())))
        }
    }

    @Test("typos in command words and in a customer's name are tolerated")
    func typos() async throws {
        try await Self.chat { chat in
            let created = try await chat.say("cadstra o clinete Pedro Alvarenga")
            #expect(created.proposed?.action == "createCustomer")
            #expect(created.proposed?.params.string("name") == "Pedro Alvarenga")
            let customer = try await chat.createCustomer("Gustavo Nogueira")
            let note = try await chat.say("anota no cliente Gustavo Nogeira: prefere contato pelo WhatsApp")
            #expect(note.proposed?.action == "addNoteToClient")
            #expect(note.proposed?.params.string("customerId")?.lowercased() == customer.id.uuidString.lowercased())
        }
    }

    @Test("two matching customers: the engine lists them and the answer picks one")
    func ambiguity() async throws {
        try await Self.chat { chat in
            _ = try await chat.createCustomer("Ana Clara Souza")
            let lima = try await chat.createCustomer("Ana Clara Lima")
            let question = try await chat.say("agenda uma limpeza de pele para Ana Clara amanhã às 10h")
            #expect(question.proposed == nil)
            #expect(question.reply.contains("Ana Clara Lima") && question.reply.contains("Ana Clara Souza"))
            let answer = try await chat.say("a Ana Clara Lima")
            #expect(answer.proposed?.action == "scheduleJob")
            #expect(answer.proposed?.params.string("customerId")?.lowercased() == lima.id.uuidString.lowercased())
        }
    }

    @Test("a hinted intent gets a question, not a proposal; small talk proposes nothing")
    func hints() async throws {
        try await Self.chat { chat in
            let hint = try await chat.say("acho que não vai rolar esse pedido")
            #expect(hint.proposed == nil)
            #expect(hint.reply.contains("?"))
            for text in ["bom dia!", "valeu", "qual a capital da França?"] {
                #expect(try await chat.say(text).proposed == nil)
            }
        }
    }

    @Test("the agenda of today asks for today only; a search takes the name, not the verb")
    func agendaAndSearch() async throws {
        try await Self.chat { chat in
            let today = try await chat.say("agenda de hoje")
            #expect(today.reply.hasPrefix("Você tem") || today.reply == "Nada na agenda.")
            let search = try await chat.say("Buscar clientes Ana")
            #expect(search.reply.hasPrefix("Encontrei") || search.reply == "Nenhum cliente encontrado.")
            #expect(!search.reply.contains("Buscar"))
        }
    }

    @Test("numbers from data are phrased as a short sentence")
    func phrasing() async throws {
        try await Self.chat { chat in
            let kpis = try await chat.say("resumo financeiro de hoje")
            #expect(kpis.reply.hasPrefix("Hoje: "))
            #expect(kpis.reply.contains("ticket médio R$"))
        }
    }
}

extension LocalDialogueTests {
    @Test("which customer, then when: both answers complete one scheduling")
    func twoQuestions() async throws {
        try await Self.chat { chat in
            let first = try await chat.createCustomer("Bianca Moraes Teixeira")
            _ = try await chat.createCustomer("Bianca Moraes Pinto")
            let question = try await chat.say("agenda uma escova para a Bianca Moraes")
            #expect(question.reply.contains("Qual deles?"))
            let when = try await chat.say("a primeira")
            #expect(when.proposed == nil)
            #expect(when.reply.contains("data"))
            let done = try await chat.say("depois de amanhã 10:30")
            #expect(done.proposed?.action == "scheduleJob")
            let picked = question.reply.contains("• Bianca Moraes Teixeira\n") || question.reply.hasSuffix("• Bianca Moraes Teixeira")
                ? question.reply.split(separator: "\n").first { $0.hasPrefix("• ") }.map { String($0.dropFirst(2)) } : nil
            let expected = picked == "Bianca Moraes Teixeira" ? first.id : nil
            if let expected { #expect(done.proposed?.params.string("customerId")?.lowercased() == expected.uuidString.lowercased()) }
            #expect(done.proposed?.params.string("startsAt") != nil)
        }
    }
}
