import Foundation

/// Splits text into chunks of about 200–400 tokens along headings and paragraphs, with one paragraph of
/// overlap so an answer spanning a boundary is still found.
public enum Chunker {
    /// Roughly 300 tokens of Portuguese or English text.
    public static let targetCharacters = 1200

    public static func chunks(_ text: String) -> [String] {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .flatMap(split)
        var chunks: [String] = [], current: [String] = []
        var size = 0
        for paragraph in paragraphs {
            let startsSection = paragraph.hasPrefix("#")
            if let last = current.last, size + paragraph.count > targetCharacters || (startsSection && size > targetCharacters / 3) {
                chunks.append(current.joined(separator: "\n\n"))
                current = !startsSection && last.count < targetCharacters / 2 ? [last] : []
                size = current.reduce(0) { $0 + $1.count }
            }
            current.append(paragraph)
            size += paragraph.count
        }
        if !current.isEmpty { chunks.append(current.joined(separator: "\n\n")) }
        return chunks
    }

    /// A paragraph longer than a chunk is cut at sentence ends.
    private static func split(_ paragraph: String) -> [String] {
        guard paragraph.count > targetCharacters else { return [paragraph] }
        var pieces: [String] = [], current = ""
        for sentence in paragraph.split(separator: ".", omittingEmptySubsequences: false) {
            if current.count + sentence.count > targetCharacters, !current.isEmpty {
                pieces.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
            current += sentence + "."
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { pieces.append(current.trimmingCharacters(in: .whitespaces)) }
        return pieces
    }
}
