import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore
import NIOHTTP1

/// Sends raw JSON text (so `9223372036854775807` reaches the server digit for digit) to a server in another
/// process, counts the requests and remembers every answer that is not what the walk expects.
final class ExtremeClient: @unchecked Sendable {
    /// The literals put into numeric fields: (raw JSON, whether a 4xx is required; `-0` is a valid zero).
    static let values: [(text: String, mustReject: Bool)] = [
        ("9223372036854775807", true), ("-9223372036854775808", true), ("9223372036854775808", true), ("1e308", true),
        ("-1e308", true), ("-0", false), ("1e-9", true), ("\"9223372036854775807\"", true), ("\"1e308\"", true),
        ("1234567890123456789012345678901234567890", true), ("\"-1234567890123456789012345678901234567890\"", true),
    ]
    static let placeholder = "__EXTREME_VALUE__"

    let port: Int
    var token = ""
    private(set) var sent = 0
    private(set) var failures: [String] = []
    private let lock = NSLock()

    init(port: Int) { self.port = port }

    /// One request; a dropped connection is a failure, as is a 5xx.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, body: String?, headers: [(String, String)] = [],
              label: String, mustReject: Bool = false) async -> (Int, JSONValue) {
        locked { sent += 1 }
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json")
        if !token.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let data = Data(try await response.body.collect(upTo: 8 << 20).readableBytesView)
            let status = Int(response.status.code)
            if status >= 500 || (mustReject && !(400..<500).contains(status)) {
                fail("\(label): \(method) \(path) → \(status) \(String(decoding: data.prefix(300), as: UTF8.self))")
            }
            return (status, (try? JSONValue.parse(data)) ?? .null)
        } catch {
            fail("\(label): \(method) \(path) → no answer (\(error))")
            return (0, .null)
        }
    }

    /// The body of a GET as text (the OpenAPI document).
    func text(_ path: String) async -> String {
        locked { sent += 1 }
        guard let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(30)),
              let body = try? await response.body.collect(upTo: 8 << 20) else { fail("GET \(path) → no answer"); return "" }
        return String(buffer: body)
    }

    /// The JSON of `value` with the placeholder string swapped for the raw literal.
    static func text(_ value: JSONValue, extreme: String) -> String {
        value.encoded().replacingOccurrences(of: "\"\(placeholder)\"", with: extreme)
    }

    func fail(_ message: String) { locked { failures.append(message) } }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    /// True when `/healthz` still answers 200: the process is alive.
    func healthy() async -> Bool {
        let saved = token
        token = ""
        defer { token = saved }
        let (status, _) = await send(.GET, "/healthz", body: nil, label: "healthz")
        return status == 200
    }

    func login(_ email: String = "owner@demo.local") async {
        let (_, body) = await send(.POST, "/v1/auth/login", body: #"{"email":"\#(email)","password":"demo1234"}"#, label: "login")
        token = body.string("token") ?? ""
    }
}
