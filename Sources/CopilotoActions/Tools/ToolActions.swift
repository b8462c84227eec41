import CopilotoCore
import Foundation

/// Turns a tenant's custom HTTP tool into an action: same schema validation, prepare → confirm for
/// writes, audit; the HTTP call itself runs outside any database transaction.
enum ToolActions {
    static func definition(_ tool: HTTPTool, allowlist: [String], runner: ToolRunner) -> ActionDefinition {
        ActionDefinition(
            name: tool.name, title: LocalizedText(tool.name, tool.name),
            description: LocalizedText(tool.description, tool.description), parameters: tool.parameters, risk: tool.risk,
            preview: { params, ctx in
                let summary = ctx.language == .en
                    ? "Call \(tool.name) (\(tool.method.rawValue) \(host(tool)))."
                    : "Chamar \(tool.name) (\(tool.method.rawValue) \(host(tool)))."
                let changes = (params.objectValue ?? [:]).sorted { $0.key < $1.key }
                    .map { ActionPreview.Change(field: $0.key, before: nil, after: $0.value) }
                return ActionPreview(summary: summary, changes: changes)
            },
            execute: { params, _ in await runner.run(tool, arguments: params, allowlist: allowlist) },
            roles: Set(tool.roles), isExternal: true)
    }

    private static func host(_ tool: HTTPTool) -> String {
        URLComponents(string: tool.urlTemplate.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: ""))?.host ?? ""
    }
}
