import Foundation

extension KnowledgeService {
    /// The fields of a create or update body, with the content already turned into text.
    struct Input {
        var title: String?
        var content: String?
        var source: String?
        var hasSource = false
        var tags: [String]?
    }

    func read(_ body: JSONValue, creating: Bool) async throws -> Input {
        var r = FieldReader(body, allowed: ["title", "content", "contentBase64", "format", "source", "tags"])
        var input = Input()
        input.title = r.string("title", required: creating || r.has("title"), max: 300)
        let content = r.string("content", required: r.has("content"), max: Int.max)
        let base64 = r.string("contentBase64", max: Int.max)
        let format = r.choice("format", as: DocumentFormat.self)
        input.hasSource = r.has("source")
        input.source = r.string("source", max: 500)
        input.tags = r.stringList("tags")
        if creating, content == nil, base64 == nil { r.fail("content", .required) }
        var pdf: Data?
        if let base64 {
            if let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) { pdf = data } else {
                r.fail("contentBase64", .invalidFormat, "base64")
            }
            if format != .pdf { r.fail("format", .required, "pdf") }
        }
        try r.finish()
        if content != nil || pdf != nil { input.content = try await text(content, pdf: pdf, format: format) }
        return input
    }

    /// The document's text from its raw form; 413 when it is longer than `maxCharacters`.
    func text(_ content: String?, pdf data: Data?, format: DocumentFormat?) async throws -> String {
        let text: String
        switch format ?? (content.map(Self.looksLikeHTML) == true ? .html : .markdown) {
        case .pdf:
            guard let data, let pdf, let extracted = try? await pdf.text(fromPDF: data) else {
                throw CopilotoError.unprocessable(reason: .pdfUnreadable)
            }
            text = HTMLText.tidy(extracted.replacingOccurrences(of: "\u{0C}", with: "\n\n"))
        case .html: text = HTMLText.text(content ?? "")
        case .text, .markdown: text = content ?? ""
        }
        guard text.count <= Self.maxCharacters else { throw CopilotoError.documentTooLarge(limitCharacters: Self.maxCharacters) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            if format == .pdf { throw CopilotoError.unprocessable(reason: .pdfUnreadable) }
            throw CopilotoError.invalid([FieldError(field: "content", code: .required)])
        }
        return text
    }

    /// Text that starts like an HTML page or fragment.
    static func looksLikeHTML(_ content: String) -> Bool {
        let head = content.prefix(512).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<body")
            || (head.hasPrefix("<") && (head.contains("</p>") || head.contains("</h1>") || head.contains("</div>")))
    }
}
