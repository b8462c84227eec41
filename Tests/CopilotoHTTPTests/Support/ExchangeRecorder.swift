import CopilotoCore
import Foundation
import Hummingbird

/// Writes each request/response pair the HTTP tests make to `COPILOTO_HTTP_RECORD_DIR` (one JSON file each) when
/// that is set, so `scripts/protocols-test.sh` can check every one against `openapi.yaml` with openapi-core.
enum ExchangeRecorder {
    static let directory: URL? = {
        guard let path = ProcessInfo.processInfo.environment["COPILOTO_HTTP_RECORD_DIR"], !path.isEmpty else { return nil }
        let url = URL(fileURLWithPath: path, isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func record(method: HTTPRequest.Method, path: String, headers: HTTPFields, body: Data?, response: APIResponse) {
        guard let directory else { return }
        var requestHeaders: [String: JSONValue] = [:]
        for field in headers { requestHeaders[field.name.canonicalName.lowercased()] = .string(field.value) }
        var responseHeaders: [String: JSONValue] = [:]
        for field in response.headers { responseHeaders[field.name.canonicalName.lowercased()] = .string(field.value) }
        let exchange: JSONValue = [
            "method": .string(method.rawValue), "path": .string(path), "requestHeaders": .object(requestHeaders),
            "requestBody": body.map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null,
            "status": .number(Double(response.status)), "responseHeaders": .object(responseHeaders),
            "responseBody": .string(response.text),
        ]
        let file = directory.appendingPathComponent("\(UUID().uuidString.lowercased()).json")
        try? Data(exchange.encoded().utf8).write(to: file)
    }
}
