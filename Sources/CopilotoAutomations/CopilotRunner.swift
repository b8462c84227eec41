import CopilotoCore
import Foundation

/// What one run produced, before it is stored as an insight.
public struct RunOutput: Sendable, Equatable {
    public var payload: JSONValue
    /// Fields the run could not fill (the local engine's honest gaps).
    public var missingFields: [String]
    /// The provider that answered, or `local`.
    public var provider: String
}

/// Runs one copilot on one event: asks the model for JSON in the copilot's compiled schema (structured output),
/// validates it field by field and gives the model one repair round; without a model, or when the answer still
/// does not validate, the local engine fills what it can. A provider chain that fails altogether throws, so the
/// event is retried later.
public struct CopilotRunner: Sendable {
    /// The model chain for a copilot, or nil when its tenant has no model configured.
    public typealias Models = @Sendable (Copilot) async throws -> (any LanguageModel)?

    public let models: Models

    public init(models: @escaping Models) {
        self.models = models
    }

    /// Runs with the model `models` gives for the copilot.
    public func run(_ copilot: Copilot, _ context: EventContext) async throws -> RunOutput {
        try await run(copilot, context, model: try await models(copilot))
    }

    /// Runs with a model already resolved (nil: the local engine).
    public func run(_ copilot: Copilot, _ context: EventContext, model: (any LanguageModel)?) async throws -> RunOutput {
        let schema = copilot.outputSchema
        guard let model, !schema.fields.isEmpty else { return local(schema, context) }
        var request = ModelRequest(instructions: Self.instructions(copilot), messages: [.user(context.transcript)],
                                   settings: ModelSettings(model: copilot.model ?? "default", temperature: 0.2, maxTokens: 800),
                                   responseSchema: ("copilot_insight", schema.jsonSchema))
        let first = try await model.respond(request)
        let (payload, problems) = Self.check(first.text, schema)
        if let payload, problems.isEmpty { return RunOutput(payload: schema.cleaned(payload), missingFields: [], provider: first.provider) }
        request.messages += [.assistant(first.text), .user(Self.repairPrompt(problems))]
        let second = try await model.respond(request)
        let (repaired, remaining) = Self.check(second.text, schema)
        if let repaired, remaining.isEmpty { return RunOutput(payload: schema.cleaned(repaired), missingFields: [], provider: second.provider) }
        return local(schema, context)
    }

    func local(_ schema: OutputSchema, _ context: EventContext) -> RunOutput {
        let (payload, missing) = LocalInsightEngine.fill(schema.fields, context: context)
        return RunOutput(payload: payload, missingFields: missing, provider: "local")
    }

    static func instructions(_ copilot: Copilot) -> String {
        copilot.systemPrompt + "\n\nResponda somente com um objeto JSON que siga o schema pedido, sem texto fora dele. "
            + "Use null nos campos opcionais que a conversa não permite preencher; não invente."
    }

    static func repairPrompt(_ problems: [FieldError]) -> String {
        let list = problems.map { "\($0.field): \($0.code.rawValue)\($0.detail.map { " (\($0))" } ?? "")" }.joined(separator: "; ")
        return "Esse JSON não segue o schema: \(list). Responda de novo somente com o JSON corrigido."
    }

    /// Parses an answer (tolerating a ```json fence) and lists its problems.
    static func check(_ text: String, _ schema: OutputSchema) -> (JSONValue?, [FieldError]) {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("```") {
            body = body.drop { $0 != "\n" }.trimmingCharacters(in: .whitespacesAndNewlines)
            if body.hasSuffix("```") { body = String(body.dropLast(3)) }
        }
        guard let value = try? JSONValue.parse(Data(body.utf8)) else {
            return (nil, [FieldError(field: "body", code: .malformedJSON)])
        }
        return (value, schema.validate(value))
    }
}
