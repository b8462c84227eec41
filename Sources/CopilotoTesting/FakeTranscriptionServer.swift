import CopilotoCore
import Foundation
import Hummingbird
import Synchronization

/// A local speech-to-text server speaking OpenAI's `POST /v1/audio/transcriptions`: a real `multipart/form-data`
/// body with `file` and `model` (and optional `language`, `response_format`), answered `{"text": …}` (or with
/// `duration` for `verbose_json`). The transcript is `responder(audio bytes)`; scripted `failures` (HTTP statuses)
/// answer first with OpenAI's error object.
public final class FakeTranscriptionServer: Sendable {
    /// One request as received.
    public struct Upload: Sendable, Equatable {
        public let model: String
        public let filename: String
        public let contentType: String
        public let audio: Data
        public let authorization: String
    }

    public let failures = Mutex<[Int]>([])
    /// Waits before answering, one per request in order (a transcription still running when a server is killed).
    public let delays = Mutex<[Duration]>([])
    let uploads = Mutex<[Upload]>([])
    let responder: @Sendable (Data) -> String

    public init(responder: @escaping @Sendable (Data) -> String) {
        self.responder = responder
    }

    public var received: [Upload] { uploads.withLock { $0 } }

    /// Runs the server while `body` runs; passes the base URL (`http://127.0.0.1:PORT/v1`).
    public func run(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/v1/audio/transcriptions") { request, _ -> Response in
            let raw = Data(try await request.body.collect(upTo: 32 << 20).readableBytesView)
            let type = request.headers[.contentType] ?? ""
            guard let boundary = type.components(separatedBy: "boundary=").dropFirst().first?.trimmingCharacters(in: .init(charactersIn: "\"")),
                  type.hasPrefix("multipart/form-data") else { return Self.error(400, "Content-Type must be multipart/form-data") }
            let parts = Multipart.parse(raw, boundary: boundary)
            guard let file = parts.first(where: { $0.name == "file" }), let filename = file.filename, !file.data.isEmpty else {
                return Self.error(400, "Missing required parameter: 'file'.")
            }
            guard let model = parts.first(where: { $0.name == "model" }).map({ String(decoding: $0.data, as: UTF8.self) }), !model.isEmpty else {
                return Self.error(400, "Missing required parameter: 'model'.")
            }
            if let delay = self.delays.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { try await Task.sleep(for: delay) }
            if let status = self.failures.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return Self.error(status, "Scripted failure") }
            self.uploads.withLock {
                $0.append(Upload(model: model, filename: filename, contentType: file.contentType ?? "", audio: file.data,
                                 authorization: request.headers[.authorization] ?? ""))
            }
            let format = parts.first(where: { $0.name == "response_format" }).map { String(decoding: $0.data, as: UTF8.self) } ?? "json"
            var reply: [String: JSONValue] = ["text": .string(self.responder(file.data))]
            if format == "verbose_json" { reply["duration"] = .number(Double(file.data.count) / 2000) }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: JSONValue.object(reply).encoded())))
        }
        try await LocalServer.run(router) { port in try await body("http://127.0.0.1:\(port)/v1") }
    }

    static func error(_ status: Int, _ message: String) -> Response {
        let body: JSONValue = ["error": ["message": .string(message), "type": "invalid_request_error", "param": .null, "code": .null]]
        return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: body.encoded())))
    }
}

/// A parsed `multipart/form-data` body (RFC 7578): each part's name, filename, content type and bytes.
enum Multipart {
    struct Part {
        var name: String?
        var filename: String?
        var contentType: String?
        var data: Data
    }

    static func parse(_ body: Data, boundary: String) -> [Part] {
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [Part] = []
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else { return [] }
        cursor = first.upperBound
        while let next = body.range(of: delimiter, in: cursor..<body.endIndex) {
            var chunk = body[cursor..<next.lowerBound]
            if chunk.starts(with: Data("\r\n".utf8)) { chunk = chunk.dropFirst(2) }
            if chunk.count >= 2, chunk.suffix(2) == Data("\r\n".utf8) { chunk = chunk.dropLast(2) }
            if let split = chunk.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: chunk[chunk.startIndex..<split.lowerBound], as: UTF8.self)
                var part = Part(data: Data(chunk[split.upperBound...]))
                for line in head.components(separatedBy: "\r\n") {
                    let lower = line.lowercased()
                    if lower.hasPrefix("content-disposition:") {
                        part.name = value("name", in: line)
                        part.filename = value("filename", in: line)
                    } else if lower.hasPrefix("content-type:") {
                        part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                    }
                }
                parts.append(part)
            }
            cursor = next.upperBound
            if body[cursor...].starts(with: Data("--".utf8)) { break }
        }
        return parts
    }

    static func value(_ key: String, in header: String) -> String? {
        for item in header.components(separatedBy: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard pair.hasPrefix(key + "=\"") else { continue }
            return String(pair.dropFirst(key.count + 2).dropLast())
        }
        return nil
    }
}
