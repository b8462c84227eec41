import CopilotoCore
import Foundation
import Hummingbird
import Synchronization

/// A local Graph API that speaks WhatsApp Cloud API as Meta does: `POST /v21.0/{phone-number-id}/messages` (text and
/// template messages, the Messenger Send API) answers `{"messaging_product":"whatsapp","contacts":[…],"messages":[{"id"}]}`;
/// free-form text more than 24 hours after the customer last wrote (see `customerWrote`) is refused with 131047;
/// `GET /v21.0/{media-id}` gives a download URL valid for `mediaURLLifetime`, fetched with the bearer token;
/// `GET /v21.0/{waba-id}/message_templates` lists `templates`. Scripted `failures` answer first: HTTP statuses
/// (401 → code 190, 429 → 130429, 400 → 131047, 500) or Meta codes (131026 undeliverable, 131047, 130429).
public final class FakeMetaServer: Sendable {
    public struct Sent: Sendable, Equatable {
        public let phoneNumberId: String
        public let to: String
        /// The text, or for a template its name.
        public let text: String
        public let authorization: String
        public let receivedAt: ContinuousClock.Instant
        /// For a template: its language and body variables.
        public var template: String? = nil
        public var variables: [String] = []
    }

    /// Answered before normal replies, in order: HTTP statuses (401, 429, 400, 500) or Meta error codes (≥ 1000).
    public let failures = Mutex<[Int]>([])
    /// How long a media download URL works.
    public let mediaURLLifetime = Mutex<TimeInterval>(300)
    /// The account's templates as Meta lists them (`name`, `language`, `status`, `category`, `components`).
    public let templates = Mutex<[JSONValue]>([])
    let sent = Mutex<[Sent]>([])
    let media = Mutex<[String: (data: Data, mimeType: String)]>([:])
    let links = Mutex<[String: (mediaId: String, expires: Date)]>([:])
    let lastWrote = Mutex<[String: Date]>([:])
    let downloadAuth = Mutex<[String]>([])
    let base = Mutex<String>("")
    let receipts = Mutex<[(messageId: String, typing: Bool)]>([])

    public init() {}

    public var messages: [Sent] { sent.withLock { $0 } }
    /// Read receipts received: the customer's message id and whether "typing…" was asked for.
    public var readReceipts: [(messageId: String, typing: Bool)] { receipts.withLock { $0 } }
    /// The Authorization headers media downloads came with.
    public var downloads: [String] { downloadAuth.withLock { $0 } }

    /// A file the customer sent, fetchable as `GET /{id}`.
    public func addMedia(id: String, data: Data, mimeType: String) { media.withLock { $0[id] = (data, mimeType) } }

    /// Records when the customer last wrote (Meta's side of the 24-hour window).
    public func customerWrote(_ waId: String, at date: Date) { lastWrote.withLock { $0[waId] = date } }

    /// Runs the server while `body` runs; passes the Graph base URL (`http://127.0.0.1:PORT/v21.0`).
    public func run(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v21.0/:id/messages") { request, context -> Response in
            let json = (try? JSONValue.parse(Data(try await request.body.collect(upTo: 1 << 20).readableBytesView))) ?? .null
            if let failure = self.failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return Self.error(failure) }
            return self.send(json, phone: context.parameters.get("id") ?? "", authorization: request.headers[.authorization] ?? "")
        }
        router.get("/v21.0/:id/message_templates") { request, _ -> Response in
            guard Self.bearer(request) else { return Self.error(401) }
            return Self.json(["data": .array(self.templates.withLock { $0 }), "paging": ["cursors": ["before": "MAZDZD", "after": "MjQZD"]]])
        }
        router.get("/v21.0/:id") { request, context -> Response in
            guard Self.bearer(request) else { return Self.error(401) }
            let id = context.parameters.get("id") ?? ""
            guard let file = self.media.withLock({ $0[id] }) else { return Self.error(404) }
            let token = UUID().uuidString
            let lifetime = self.mediaURLLifetime.withLock { $0 }
            self.links.withLock { $0[token] = (id, Date().addingTimeInterval(lifetime)) }
            let url = self.base.withLock { $0 } + "/download/\(token)?mid=\(id)&ext=\(Int(Date().timeIntervalSince1970))"
            let digest = Self.sha256Hex(file.data)
            return Self.json(["messaging_product": "whatsapp", "url": .string(url), "mime_type": .string(file.mimeType), "sha256": .string(digest),
                              "file_size": .string(String(file.data.count)), "id": .string(id)])
        }
        router.get("/download/:token") { request, context -> Response in
            self.downloadAuth.withLock { $0.append(request.headers[.authorization] ?? "") }
            guard Self.bearer(request) else { return Response(status: .unauthorized) }
            guard let link = self.links.withLock({ $0[context.parameters.get("token") ?? ""] }), link.expires > Date(),
                  let file = self.media.withLock({ $0[link.mediaId] }) else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: file.mimeType], body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
        try await LocalServer.run(router) { port in
            self.base.withLock { $0 = "http://127.0.0.1:\(port)" }
            try await body("http://127.0.0.1:\(port)/v21.0")
        }
    }

    static func bearer(_ request: Request) -> Bool { (request.headers[.authorization] ?? "").hasPrefix("Bearer ") }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: value.encoded())))
    }
}
