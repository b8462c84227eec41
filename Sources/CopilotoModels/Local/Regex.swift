import Foundation

/// Small helpers over NSRegularExpression for the local engine's extractors.
struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe for matching.
    let regex: NSRegularExpression

    init(_ pattern: String, caseSensitive: Bool = false) {
        // Patterns are literals in this module; a bad one is a programming error caught by the tests.
        regex = try! NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
    }

    /// Capture groups (nil when a group did not take part) and the whole match range, for every match.
    func matches(in text: String) -> [(groups: [String?], range: Range<String.Index>)] {
        let nsRange = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: nsRange).compactMap { match in
            guard let whole = Range(match.range, in: text) else { return nil }
            let groups = (0..<match.numberOfRanges).map { index -> String? in
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            return (groups, whole)
        }
    }

    func first(in text: String) -> (groups: [String?], range: Range<String.Index>)? { matches(in: text).first }
}

extension Pattern {
    /// The text with every match replaced by a template (`$1` for groups).
    func replace(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// The text with every match replaced by what `transform` returns for it.
    func replacing(in text: String, _ transform: (String) -> String) -> String {
        var out = "", cursor = text.startIndex
        for match in matches(in: text) {
            out += text[cursor..<match.range.lowerBound]
            out += transform(String(text[match.range]))
            cursor = match.range.upperBound
        }
        return out + text[cursor...]
    }
}
