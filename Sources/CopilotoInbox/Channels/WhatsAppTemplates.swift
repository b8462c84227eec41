import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore

/// Reads a WhatsApp Business Account's templates: `GET {graph}/{waba-id}/message_templates` pages of
/// `{"data": [{name, language, status, category, components}], "paging": {"next"}}`.
public struct WhatsAppTemplates: Sendable {
    public let graphURL: String
    let client: HTTPClient

    public init(graphURL: String, client: HTTPClient = .shared) {
        self.graphURL = graphURL.hasSuffix("/") ? String(graphURL.dropLast()) : graphURL
        self.client = client
    }

    /// Every template (at most 10 pages of 100).
    public func fetch(businessAccountId: String, accessToken: String, now: Date = Date()) async throws -> [MessageTemplate] {
        let account = businessAccountId.filter { $0.isLetter || $0.isNumber }
        var next: String? = "\(graphURL)/\(account)/message_templates?limit=100&fields=name,language,status,category,components"
        var templates: [MessageTemplate] = []
        var pages = 0
        while let url = next, pages < 10 {
            pages += 1
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Authorization", value: "Bearer \(accessToken)")
            let status: Int, data: Data
            do {
                let response = try await client.execute(request, timeout: .seconds(30))
                status = Int(response.status.code)
                data = Data(try await response.body.collect(upTo: 4 << 20).readableBytesView)
            } catch {
                throw ChannelError.unavailable("\(error)")
            }
            let json = (try? JSONValue.parse(data)) ?? .null
            guard (200..<300).contains(status) else { throw WhatsAppSender.error(status: status, json["error"]) }
            templates += (json["data"]?.arrayValue ?? []).compactMap { Self.template($0, now: now) }
            next = json["paging"]?.string("next").flatMap { $0.hasPrefix(graphURL) ? $0 : nil }
        }
        return templates
    }

    static func template(_ item: JSONValue, now: Date) -> MessageTemplate? {
        guard let name = item.string("name"), let language = item.string("language") else { return nil }
        let body = item["components"]?.arrayValue?.first { $0.string("type")?.uppercased() == "BODY" }?.string("text") ?? ""
        return MessageTemplate(name: String(name.prefix(512)), language: String(language.prefix(15)), status: item.string("status") ?? "PENDING",
                               category: item.string("category") ?? "UTILITY", body: String(body.prefix(1024)),
                               variables: placeholders(body), syncedAt: now)
    }

    /// The highest `{{n}}` in a body.
    static func placeholders(_ body: String) -> Int {
        var highest = 0
        var rest = Substring(body)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            if let n = Int(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)), n > 0, n <= 100 { highest = max(highest, n) }
            rest = rest[close.upperBound...]
        }
        return highest
    }
}
