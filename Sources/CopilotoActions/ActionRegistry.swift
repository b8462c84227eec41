import CopilotoCore
import Foundation

/// The catalogue by canonical name and alias.
public struct ActionRegistry: Sendable {
    private let byName: [String: ActionDefinition]
    private let aliases: [String: String]

    public init(_ definitions: [ActionDefinition]) {
        byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var aliases: [String: String] = [:]
        for definition in definitions { for alias in definition.aliases { aliases[alias] = definition.name } }
        self.aliases = aliases
    }

    /// Every definition, sorted by name.
    public var all: [ActionDefinition] { byName.values.sorted { $0.name < $1.name } }

    /// The definition for a canonical name or alias.
    public func definition(_ name: String) -> ActionDefinition? {
        byName[name] ?? aliases[name].flatMap { byName[$0] }
    }

    /// The standard catalogue.
    public static let standard = ActionRegistry(Catalogue.all)
}

/// An action as `GET /v1/actions` lists it.
public struct ActionSummary: Sendable, Encodable {
    public let name: String
    public let aliases: [String]
    public let title: String
    public let description: String
    public let risk: ActionRisk
    public let parameters: JSONValue
    public let roles: [Role]
}
