import CopilotoCore
import CopilotoHTTP
import CopilotoTesting
import Foundation
import Testing

/// Documents in every format, updates that re-index, size limits, and the three search modes over HTTP.
@Suite("Knowledge ingestion and search modes")
struct KnowledgeIngestionTests {
    static let html = """
        <!doctype html><html><head><title>x</title><style>h1 { color: red }</style><script>var senha = "segredo";</script></head>
        <body><h1>Pol&iacute;tica de frete</h1><p>Frete gr&aacute;tis para compras acima de R$&nbsp;199.</p>
        <h2>Entregas expressas</h2><ul><li>Capitais: 1 dia &uacute;til</li><li>Interior: 3 dias</li></ul></body></html>
        """

    @Test("HTML arrives as text with its headings; scripts and styles are dropped", arguments: [false, true])
    func html(raw: Bool) async throws {
        try await TestApp.run { api, _ in
            let editor = try await api.login("editor@demo.local")
            let created = raw
                ? try await api.upload("/v1/knowledge/documents?title=Frete%20expresso&tags=frete,entrega", token: editor,
                                       contentType: "text/html; charset=utf-8", Data(Self.html.utf8))
                : try await api.post("/v1/knowledge/documents", token: editor, ["title": "Frete expresso", "content": .string(Self.html)])
            #expect(created.status == 201, "\(created.text)")
            let content = try #require(created.json.string("content"))
            #expect(content.contains("# Política de frete"))
            #expect(content.contains("## Entregas expressas"))
            #expect(content.contains("- Capitais: 1 dia útil"))
            #expect(content.contains("R$ 199"))
            #expect(!content.contains("segredo") && !content.contains("color") && !content.contains("<"))
            if raw { #expect(created.json["tags"] == ["frete", "entrega"]) }
            let hits = try await api.get("/v1/knowledge/search?q=entrega%20expressa%20capitais", token: editor).items
            #expect(hits.first?.string("title") == "Frete expresso")
        }
    }

    @Test("a PDF's text is extracted with pdftotext (uploaded raw or as base64)")
    func pdf() async throws {
        let pdf = MinimalPDF.make(lines: ["Garantia estendida", "Secadores e chapinhas tem garantia de 24 meses."])
        try await TestApp.run { api, _ in
            let editor = try await api.login("editor@demo.local")
            let raw = try await api.upload("/v1/knowledge/documents?title=Garantia%20estendida", token: editor,
                                           contentType: "application/pdf", pdf)
            #expect(raw.status == 201, "\(raw.text)")
            #expect(raw.json.string("content")?.contains("garantia de 24 meses") == true)
            let encoded = try await api.post("/v1/knowledge/documents", token: editor, [
                "title": "Garantia (cópia)", "format": "pdf", "contentBase64": .string(pdf.base64EncodedString())])
            #expect(encoded.status == 201, "\(encoded.text)")
            let broken = try await api.upload("/v1/knowledge/documents?title=Quebrado", token: editor, contentType: "application/pdf",
                                              Data("%PDF-1.4 nothing here".utf8))
            #expect(broken.status == 422)
            #expect(broken.json["error"]?.string("message")?.contains("PDF") == true)
            let missingTitle = try await api.upload("/v1/knowledge/documents", token: editor, contentType: "application/pdf", pdf)
            #expect(missingTitle.status == 400)
            let notPDFFormat = try await api.post("/v1/knowledge/documents", token: editor, [
                "title": "x", "contentBase64": .string(pdf.base64EncodedString())])
            #expect(notPDFFormat.status == 400)
        }
    }

    @Test("an update re-indexes: the old text is no longer found, the new one is")
    func update() async throws {
        try await TestApp.run { api, _ in
            let editor = try await api.login("editor@demo.local")
            let created = try await api.post("/v1/knowledge/documents", token: editor, [
                "title": "Horário do quiosque", "content": "O quiosque do shopping abre às 10h e fecha às 22h."])
            let id = try #require(created.json.string("id"))
            let changed = try await api.patch("/v1/knowledge/documents/\(id)", token: editor, [
                "content": "O quiosque foi transferido para a galeria central, com atendimento das 9h às 18h.", "tags": ["horario"]])
            #expect(changed.status == 200, "\(changed.text)")
            #expect(changed.json.string("title") == "Horário do quiosque")
            #expect(try await api.get("/v1/knowledge/search?q=quiosque%20shopping", token: editor).items
                .allSatisfy { $0.string("chunk")?.contains("shopping") != true })
            #expect(try await api.get("/v1/knowledge/search?q=quiosque%20galeria%20central", token: editor).items.first?.string("title")
                == "Horário do quiosque")
            let viewer = try await api.login("viewer@demo.local")
            #expect(try await api.patch("/v1/knowledge/documents/\(id)", token: viewer, ["title": "x"]).status == 403)
            let outsider = try await api.login("owner@outra.local")
            #expect(try await api.patch("/v1/knowledge/documents/\(id)", token: outsider, ["title": "x"]).status == 404)
            #expect(try await api.patch("/v1/knowledge/documents/\(id)", token: editor, ["content": "   "]).status == 400)
        }
    }

    @Test("too much text gets 413 with the limit; a body over the upload limit too")
    func limits() async throws {
        try await TestApp.run(maxDocumentBytes: 3 << 20) { api, _ in
            let editor = try await api.login("editor@demo.local")
            let long = String(repeating: "Texto muito longo. ", count: KnowledgeService.maxCharacters / 19 + 10)
            let tooLong = try await api.post("/v1/knowledge/documents", token: editor, ["title": "Enorme", "content": .string(long)])
            #expect(tooLong.status == 413)
            #expect(tooLong.json["error"]?["details"]?["limitCharacters"] == .number(Double(KnowledgeService.maxCharacters)))
            #expect(tooLong.json["error"]?.string("message")?.contains("documento") == true)
            let huge = try await api.upload("/v1/knowledge/documents?title=Enorme", token: editor, contentType: "text/plain",
                                            Data(repeating: UInt8(ascii: "a"), count: 4 << 20))
            #expect(huge.status == 413)
        }
    }

    @Test("search modes: vector and hybrid need an embedding model; with one, a paraphrase with no shared word is found")
    func modes() async throws {
        try await TestApp.run { api, _ in
            let viewer = try await api.login("viewer@demo.local")
            let lexical = try await api.get("/v1/knowledge/search?q=trocar%20produto", token: viewer)
            #expect(lexical.json.string("mode") == "lexical")
            #expect(try await api.get("/v1/knowledge/search?q=trocar&mode=vector", token: viewer).status == 400)
            #expect(try await api.get("/v1/knowledge/search?q=trocar&mode=fuzzy", token: viewer).status == 400)
        }
        try await TestApp.run(embedder: HashingEmbedder()) { api, info in
            let editor = try await api.login("editor@demo.local")
            _ = try await api.post("/v1/knowledge/documents", token: editor, [
                "title": "Cartões aceitos", "content": "Aceitamos Visa, Mastercard, Elo e Amex em até 10x sem juros."])
            // The demo documents were seeded without vectors: the background pass embeds them.
            let housekeeping = Housekeeping(store: info.store, retriever: info.deps.knowledge.retriever, logger: .init(label: "t"))
            await housekeeping.embedMissing()
            let hybrid = try await api.get("/v1/knowledge/search?q=parcelamento%20visa%20elo&limit=3", token: editor)
            #expect(hybrid.json.string("mode") == "hybrid")
            #expect(hybrid.items.first?.string("title") == "Cartões aceitos")
            let vector = try await api.get("/v1/knowledge/search?q=Mastercard%20Amex&mode=vector", token: editor)
            #expect(vector.items.first?.string("title") == "Cartões aceitos")
            let outsider = try await api.login("owner@outra.local")
            #expect(try await api.get("/v1/knowledge/search?q=Mastercard%20Amex&mode=vector", token: outsider).items
                .allSatisfy { $0.string("title") != "Cartões aceitos" })
            let nothing = try await api.get("/v1/knowledge/search?q=xylofone%20quantico&mode=vector", token: editor)
            #expect(nothing.items.isEmpty)
        }
    }
}
