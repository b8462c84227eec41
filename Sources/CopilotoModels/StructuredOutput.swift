import CopilotoCore
import Foundation

/// Asks a model for JSON that follows a schema (`response_format: json_schema`), validates the answer
/// (types, required, enums) and, when it does not validate, gives the model one repair round.
public enum StructuredOutput {
    /// Why structured output failed after the repair round.
    public struct Invalid: Error, Sendable, Equatable {
        public let errors: [FieldError]
        public let text: String
    }

    public static func generate(_ model: any LanguageModel, _ request: ModelRequest, name: String,
                                schema: JSONValue) async throws -> (value: JSONValue, response: ModelResponse) {
        var asked = request
        asked.responseSchema = (name, schema)
        let first = try await model.respond(asked)
        switch check(first.text, schema) {
        case .success(let value): return (value, first)
        case .failure(let problem):
            asked.messages += [.assistant(first.text),
                               .user("That JSON does not match the schema: \(problem.errors.map { "\($0.field) \($0.code.rawValue)" }.joined(separator: ", ")). Answer again with only the corrected JSON.")]
            let second = try await model.respond(asked)
            switch check(second.text, schema) {
            case .success(let value): return (value, second)
            case .failure(let problem): throw problem
            }
        }
    }

    /// Parses text (tolerating a ```json fence) and validates it.
    static func check(_ text: String, _ schema: JSONValue) -> Result<JSONValue, Invalid> {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("```") {
            body = body.drop { $0 != "\n" }.trimmingCharacters(in: .whitespacesAndNewlines)
            if body.hasSuffix("```") { body = String(body.dropLast(3)) }
        }
        guard let value = try? JSONValue.parse(Data(body.utf8)) else {
            return .failure(Invalid(errors: [FieldError(field: "body", code: .malformedJSON)], text: text))
        }
        do {
            try SchemaValidator.validate(value, against: schema)
            return .success(value)
        } catch CopilotoError.invalid(let errors) {
            return .failure(Invalid(errors: errors, text: text))
        } catch {
            return .failure(Invalid(errors: [FieldError(field: "body", code: .invalidFormat)], text: text))
        }
    }
}
