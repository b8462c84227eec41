import Foundation
import CopilotoTesting
import Hummingbird
import Logging

/// A real HTTP server on loopback standing in for the outside systems custom tools call.
enum TargetServer {
    static func run(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/echo") { request, _ -> Response in
            try echo(request, body: nil)
        }
        router.post("/echo") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            return try echo(request, body: String(buffer: buffer))
        }
        router.get("/slow") { _, _ -> Response in
            try await Task.sleep(for: .seconds(3))
            return Response(status: .ok)
        }
        router.get("/fail") { _, _ -> Response in
            Response(status: .internalServerError, body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"message\":\"boom\"}")))
        }
        router.get("/big") { _, _ -> Response in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 2 << 20)))
        }
        try await LocalServer.run(router, body)
    }

    private static func echo(_ request: Request, body: String?) throws -> Response {
        var json: [String: String] = ["method": request.method.rawValue, "query": request.uri.query ?? ""]
        json["authorization"] = request.headers[.authorization]
        json["apiKey"] = request.headers[.init("X-API-Key")!]
        json["body"] = body
        let data = try JSONEncoder().encode(json)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
