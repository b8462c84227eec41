import CopilotoCore
import Foundation

extension Catalogue {
    /// `search_kb`: passages of the knowledge base with the document each one comes from, to cite.
    static let knowledge = ActionDefinition(
        name: "search_kb", title: LocalizedText("Buscar na base de conhecimento", "Search the knowledge base"),
        description: LocalizedText("Busca trechos dos documentos da empresa; cite o título de cada fonte.",
                                   "Finds passages in the company's documents; cite each source's title."),
        parameters: Schema.object(["query": Schema.string("O que buscar", maxLength: 500),
                                   "limit": Schema.integer("Máximo de trechos", minimum: 1, maximum: 20)], required: ["query"]),
        risk: .read, preview: readPreview,
        execute: { params, ctx in
            let limit = params["limit"].flatMap { if case .number(let n) = $0 { Int(n) } else { nil } } ?? 5
            let hits = try await KnowledgeService.search(params.string("query") ?? "", limit: limit, in: ctx.tx)
            return ["items": try JSONCoding.value(hits)]
        })
}
