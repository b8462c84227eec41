import Foundation

/// Reads and bounds the body of `POST /v1/ai-agents/{id}/evals`: a name, 1–20 turns of at most 2,000 characters, and
/// expectations (tools, notTools, handover, mustInclude, mustNotInclude, maxCostUsd, rubric).
enum EvalCaseInput {
    static let maxTurns = 20
    static let expectFields: Set<String> = ["tools", "notTools", "handover", "handoverReason", "toolArguments", "mustInclude", "mustNotInclude",
                                            "maxCostUsd", "rubric"]

    static func read(_ body: JSONValue, into evalCase: inout EvalCase) throws {
        var r = FieldReader(body, allowed: ["name", "turns", "expect"])
        if let name = r.string("name", required: true, max: 200) { evalCase.name = name }
        let turns = r.objects("turns", required: true, maxCount: maxTurns, allowed: ["text", "kind", "reference"]) { t -> EvalCase.Turn? in
            guard let text = t.string("text", required: true, max: 2000) else { return nil }
            let kind = t.string("kind", max: 10)
            if let kind, !["text", "voice", "image"].contains(kind) { t.fail("kind", .invalidFormat, "text, voice, image"); return nil }
            return EvalCase.Turn(text: text, kind: kind, reference: t.string("reference", max: 4000))
        }
        if let turns { evalCase.turns = turns }
        if let expect = r.raw("expect", required: false) {
            var e = FieldReader(expect, allowed: expectFields, prefix: "expect.")
            evalCase.expect = readExpectations(&e)
            r.merge(e)
        }
        try r.finish()
    }

    static func readExpectations(_ e: inout FieldReader) -> EvalCase.Expectations {
        var x = EvalCase.Expectations()
        x.tools = e.stringList("tools", maxCount: 50) ?? []
        x.notTools = e.stringList("notTools", maxCount: 50) ?? []
        x.handover = e.bool("handover")
        x.handoverReason = e.choice("handoverReason", as: EscalationReason.self)?.rawValue
        if let args = e.raw("toolArguments", required: false) {
            // Up to 20 tools, each an object of up to 20 values, 4 KB in all.
            let objects = args.objectValue ?? [:]
            if args.objectValue == nil || objects.count > 20 || objects.values.contains(where: { ($0.objectValue?.count ?? 99) > 20 })
                || args.encoded().utf8.count > 4096 {
                e.fail("toolArguments", .invalidFormat, "{\"tool\": {\"argument\": value}}")
            } else { x.toolArguments = objects }
        }
        x.mustInclude = phrases(&e, "mustInclude")
        x.mustNotInclude = phrases(&e, "mustNotInclude")
        if let value = e.raw("maxCostUsd", required: false) {
            if case .number(let cost) = value, cost.isFinite, (0...1000).contains(cost) { x.maxCostUsd = cost }
            else { e.fail("maxCostUsd", .outOfRange, "0–1000") }
        }
        x.rubric = e.string("rubric", max: 2000)
        return x
    }

    /// Up to 20 texts of 1–200 characters.
    static func phrases(_ e: inout FieldReader, _ key: String) -> [String] {
        guard let value = e.raw(key, required: false) else { return [] }
        guard case .array(let items) = value else { e.fail(key, .wrongType, "array"); return [] }
        guard items.count <= 20 else { e.fail(key, .tooLong, "20"); return [] }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else { e.fail("\(key).\(index)", .wrongType, "string"); continue }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 200 else { e.fail("\(key).\(index)", .invalidFormat, "1–200"); continue }
            result.append(trimmed)
        }
        return result
    }
}
