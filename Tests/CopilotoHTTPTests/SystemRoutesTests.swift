import CopilotoCore
import CopilotoTesting
import Foundation
import Testing

@Suite("Operating routes")
struct SystemRoutesTests {
    @Test("health, metrics and the web app answer")
    func healthAndMetrics() async throws {
        try await TestApp.run { api, _ in
            let health = try await api.get("/healthz", token: nil)
            #expect(health.json == ["status": "ok"])
            _ = try await api.get("/v1/customers", token: nil)
            let metrics = try await api.get("/metrics", token: nil)
            #expect(metrics.text.contains("http_requests_total{method=\"GET\",route=\"/v1/customers\",status=\"401\"}"))
            let page = try await api.get("/", token: nil)
            #expect(page.status == 200)
            #expect(page.text.contains("Copiloto"))
            #expect(try await api.get("/readyz", token: nil).status == 200)
        }
    }

    @Test("every route in the router is described in openapi.yaml, which is served")
    func openAPICoversRouter() async throws {
        try await TestApp.run { api, info in
            let served = try await api.get("/openapi.yaml", token: nil)
            #expect(served.status == 200)
            #expect(served.headers[.contentType]?.hasPrefix("application/yaml") == true)
            let documented = OpenAPIPaths.parse(served.text)
            #expect(!documented.isEmpty)
            let missing = info.routes.filter { !documented.contains($0) }
            #expect(missing.isEmpty, "undocumented routes: \(missing)")
            #expect(info.routes.count > 50)
        }
    }
}

/// Reads "METHOD /path" pairs out of an OpenAPI YAML document (paths at 2 spaces, methods at 4).
enum OpenAPIPaths {
    static func parse(_ yaml: String) -> Set<String> {
        var result = Set<String>()
        var inPaths = false
        var current: String?
        let methods: Set<String> = ["get", "post", "put", "patch", "delete"]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, let first = line.first, first != " ", first != "#" { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   ") {
                current = String(line.dropFirst(2).prefix { $0 != ":" }).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path = current {
                let key = line.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
                if methods.contains(String(key)) { result.insert("\(key.uppercased()) \(path)") }
            }
        }
        return result
    }
}
