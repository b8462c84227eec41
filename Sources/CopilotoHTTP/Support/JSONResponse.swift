import CopilotoCore
import Foundation
import Hummingbird

/// Builds JSON responses with the API's encoder (RFC 3339 dates, camelCase keys, lower-case UUIDs).
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = LowercaseUUIDs.json(try JSONCoding.encoder().encode(value))
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A list page in the API's shape: `{"items": [...], "nextCursor": ...}`.
    static func page<T: Encodable & Sendable>(_ page: Page<T>) throws -> Response {
        try make(PageBody(items: page.items, nextCursor: page.nextCursor))
    }

    static func noContent() -> Response { Response(status: .noContent) }
}

/// The list envelope; `nextCursor` is always present (null at the end).
struct PageBody<T: Encodable>: Encodable {
    let items: [T]
    let nextCursor: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }

    enum CodingKeys: String, CodingKey { case items, nextCursor }
}

extension Request {
    /// Reads the body (at most `limit` bytes, else 413) and parses it as JSON (else 400).
    func jsonBody(limit: Int) async throws -> JSONValue {
        try rejectDeclaredLength(above: limit)
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw CopilotoError.tooLarge(limitBytes: limit)
        }
        guard buffer.readableBytes > 0 else {
            throw CopilotoError.invalid([FieldError(field: "body", code: .required)])
        }
        return try JSONValue.parse(Data(buffer.readableBytesView))
    }

    /// 413 at once when `Content-Length` announces more than `limit` bytes: nothing of the body is read or waited for.
    func rejectDeclaredLength(above limit: Int) throws {
        guard let declared = headers[.contentLength] else { return }
        // A length too long for Int ("99999999999999999999999") is over any limit too.
        if Int(declared).map({ $0 > limit }) ?? declared.allSatisfy({ $0.isNumber }) {
            throw CopilotoError.tooLarge(limitBytes: limit)
        }
    }
}

extension Parameters {
    /// A path id that must be a UUID; anything else is simply not found.
    func id(_ name: String = "id", resource: String) throws -> UUID {
        guard let text = self.get(name), let id = UUID(uuidString: text) else {
            throw CopilotoError.notFound(resource: resource)
        }
        return id
    }
}
