import CopilotoCore
import Foundation
import NIOHTTP1
import Testing

/// Every POST/PUT/PATCH of the served `openapi.yaml` (which a test keeps equal to the router): each numeric field of
/// its JSON request body with each extreme value, and the extreme value as the whole body.
struct ExtremeRouteWalk {
    let client: ExtremeClient
    let ids: IdDirectory

    struct Summary { var routes = 0, numericFields = 0 }

    /// Routes left out, and why: logging out would end the walk's session (it reads no body).
    static let skipped: Set<String> = ["POST /v1/auth/logout"]

    func run() async throws -> Summary {
        let text = await client.text("/openapi.yaml")
        let document = MiniYAML.parse(text)
        let walker = SchemaWalker(document: document, idFor: ids.id(for:))
        var summary = Summary()
        let writes = OpenAPIPaths.parse(text).filter { !$0.hasPrefix("GET ") && !$0.hasPrefix("DELETE ") && !Self.skipped.contains($0) }
        for route in writes.sorted() {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            let method = HTTPMethod(rawValue: parts[0]), template = parts[1]
            let operation = document["paths"]?[template]?[parts[0].lowercased()]
            let schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"]
            let path = concrete(template)
            summary.routes += 1
            var fields = schema.map { walker.numericPaths($0) } ?? []
            summary.numericFields += fields.count
            fields.append([])
            for field in fields {
                let body = field.isEmpty ? JSONValue.string(ExtremeClient.placeholder)
                    : walker.base(schema, keep: field).replacing(field[...], with: .string(ExtremeClient.placeholder))
                for value in ExtremeClient.values {
                    // A bare number is a valid body only where the route reads none; elsewhere it must be refused.
                    let reject = value.mustReject && !(field.isEmpty && schema == nil)
                    await client.send(method, path, body: ExtremeClient.text(body, extreme: value.text),
                                      label: "\(route) \(field.joined(separator: ".")) = \(value.text)", mustReject: reject)
                }
            }
            if !(await client.healthy()) {
                client.fail("the process died after \(route)")
                return summary
            }
        }
        return summary
    }

    /// The template with real ids: "/v1/invoices/{id}/payments" → the first invoice's payments.
    func concrete(_ template: String) -> String {
        var result: [String] = []
        for part in template.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case "{id}": result.append(ids.id(for: result.joined(separator: "/")) ?? UUID().uuidString.lowercased())
            case "{tenantSlug}": result.append("demo")
            case "{channel}": result.append("whatsapp")
            case "{name}": result.append("bulkUpdateProductsStock")
            case "{key}": result.append("churn_sentinel")
            default: result.append(part)
            }
        }
        return result.joined(separator: "/")
    }

    /// Signed WhatsApp, Messenger and Instagram payloads whose timestamps (and counts) are extreme; returns how many.
    static func webhooks(_ client: ExtremeClient, secret: String) async -> Int {
        var count = 0
        for value in ExtremeClient.values {
            let bare = value.text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let whatsapp = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},"contacts":[{"profile":{"name":"X"},"wa_id":"5511900000001"}],"messages":[{"from":"5511900000001","id":"wamid.X\#(count)","timestamp":"\#(bare)","type":"text","text":{"body":"oi"}}],"statuses":[{"id":"wamid.S","status":"read","timestamp":"\#(bare)","recipient_id":"5511900000001"}]}}]}]}"#
            let messenger = #"{"object":"page","entry":[{"id":"PAGE1","time":\#(value.text),"messaging":[{"sender":{"id":"PSID-X"},"recipient":{"id":"PAGE1"},"timestamp":\#(value.text),"message":{"mid":"m_x\#(count)","text":"oi"}},{"sender":{"id":"PSID-X"},"recipient":{"id":"PAGE1"},"timestamp":\#(value.text),"read":{"watermark":\#(value.text)}}]}]}"#
            let instagram = messenger.replacingOccurrences(of: #""object":"page""#, with: #""object":"instagram""#)
            for (channel, body) in [("whatsapp", whatsapp), ("messenger", messenger), ("instagram", instagram)] {
                let signature = WhatsAppWebhookTests.signature(Data(body.utf8), secret: secret)
                await client.send(.POST, "/webhooks/\(channel)/demo", body: body, headers: [("X-Hub-Signature-256", signature)],
                                  label: "webhook \(channel) timestamp = \(value.text)")
                count += 1
            }
        }
        try? await Task.sleep(for: .seconds(2))  // the jobs those messages queued run now
        return count
    }
}
