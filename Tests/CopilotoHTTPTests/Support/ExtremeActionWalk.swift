import CopilotoCore
import Foundation
import Testing

/// Every action of `GET /v1/actions` (as the owner): for each numeric-ish parameter of its schema and each extreme
/// value, `prepare`; a prepare that becomes pending (a legitimate `-0`) is confirmed too, so execution runs on it.
struct ExtremeActionWalk {
    let client: ExtremeClient
    let ids: IdDirectory

    struct Summary { var actions = 0, numericFields = 0, confirmed = 0 }

    func run() async throws -> Summary {
        let (status, list) = await client.send(.GET, "/v1/actions", body: nil, label: "actions")
        expectStatus(status, 200)
        var summary = Summary()
        let walker = SchemaWalker(document: nil, idFor: ids.id(for:))
        for action in list["items"]?.arrayValue ?? [] {
            guard let name = action.string("name") else { continue }
            summary.actions += 1
            let schema = action["parameters"]
            var paths = walker.numericPaths(schema)
            // Every action gets its parameters replaced by a bare number too (the `params` member itself).
            paths.append([])
            summary.numericFields += paths.count - 1
            for path in paths {
                let params = path.isEmpty ? JSONValue.string(ExtremeClient.placeholder)
                    : walker.base(schema, keep: path).replacing(path[...], with: .string(ExtremeClient.placeholder))
                for value in ExtremeClient.values {
                    let body = ExtremeClient.text(["params": params], extreme: value.text)
                    let label = "action \(name) \(path.joined(separator: ".")) = \(value.text)"
                    let (_, answer) = await client.send(.POST, "/v1/actions/\(name)/prepare", body: body, label: label,
                                                        mustReject: value.mustReject)
                    if let pending = answer["pendingAction"]?.string("id") {
                        await client.send(.POST, "/v1/pending-actions/\(pending)/confirm", body: nil, label: label + " (confirm)")
                        summary.confirmed += 1
                    }
                }
            }
            if !(await client.healthy()) {
                client.fail("the process died after action \(name)")
                return summary
            }
        }
        return summary
    }
}

/// `#expect` for a status outside a `@Test` function body.
func expectStatus(_ status: Int, _ wanted: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(status == wanted, sourceLocation: sourceLocation)
}
