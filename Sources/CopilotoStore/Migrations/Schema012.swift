/// Background knowledge indexing: why a document's chunks could not be embedded (NULL while indexing or ready).
enum Schema012 {
    static let tenantTables: [String] = []

    static let statements: [String] = [
        "ALTER TABLE knowledge_documents ADD COLUMN index_error TEXT",
    ]
}
