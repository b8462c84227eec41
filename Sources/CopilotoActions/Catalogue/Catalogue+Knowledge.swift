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
            let limit = params["limit"]?.intValue ?? 5
            let query = params.string("query") ?? ""
            let mode = ctx.knowledge.defaultMode
            let vector = try? await ctx.knowledge.queryVector(query, mode: mode)
            let hits = try await ctx.knowledge.search(query, mode: vector == nil ? .lexical : mode, vector: vector, limit: limit, in: ctx.tx)
            guard !hits.isEmpty else {
                return ["items": [], "found": false,
                        "note": .string(ctx.language == .en
                            ? "Nothing in the knowledge base supports an answer; say so instead of guessing."
                            : "Nada na base de conhecimento sustenta uma resposta; diga isso em vez de supor.")]
            }
            return ["items": try JSONCoding.value(hits), "found": true,
                    "note": .string(ctx.language == .en ? "Answer only from these passages and cite each title you use."
                                                        : "Responda só com base nestes trechos e cite o título de cada um que usar.")]
        })
}
