import CopilotoCore
import Foundation
import HTTPTypes
import Synchronization

/// What the widget keeps in localStorage: the signed token each web-chat visitor got with their first message,
/// by tenant slug and visitor id.
final class VisitorTokenJar: Sendable {
    static let header = HTTPField.Name("X-Visitor-Token")!
    private let tokens = Mutex<[String: String]>([:])

    subscript(key: String) -> String? {
        get { tokens.withLock { $0[key] } }
        set { tokens.withLock { $0[key] = newValue } }
    }

    /// "slug|visitor" for a web-chat request (visitor id from the query or the JSON body), nil for anything else.
    static func key(_ path: String, _ json: JSONValue?) -> String? {
        let prefix = "/v1/channels/webchat/"
        guard path.hasPrefix(prefix), let components = URLComponents(string: path) else { return nil }
        let slug = components.path.dropFirst(prefix.count).split(separator: "/").first.map(String.init) ?? ""
        let visitor = components.queryItems?.first(where: { $0.name == "visitorId" })?.value
            ?? json?.string("visitorId") ?? json?.string("contactId")
        return visitor.map { slug + "|" + $0 }
    }
}
