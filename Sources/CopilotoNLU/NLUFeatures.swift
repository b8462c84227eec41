import CopilotoCore
import Foundation

/// Turns a sentence into hashed sparse features: accent- and case-folded words (digits collapsed to "0", so
/// "pedido 1042" and "pedido 77" look alike), word bigrams, and character 3–5-grams of each word with its
/// boundaries ("^cad", "ast", "tra$"), which carry typos, abbreviations and inflections to the right words.
public struct NLUFeatures: Sendable, Equatable {
    /// log2 of the number of hash buckets.
    public let bits: Int
    /// Character n-gram sizes.
    public let charGrams: ClosedRange<Int>

    public init(bits: Int = 18, charGrams: ClosedRange<Int> = 3...5) {
        self.bits = bits
        self.charGrams = charGrams
    }

    /// Describes the configuration; part of the model file's freshness hash.
    public var signature: String { "factors1|mask-values|fold+digits0|words1-2|chars\(charGrams.lowerBound)-\(charGrams.upperBound)|fnv1a|bits\(bits)" }

    /// Acronyms that are words of the request, not values.
    static let acronyms: Set<String> = ["CEST", "CNPJ", "NCM", "CPF", "BRL", "USD", "EUR", "SKU", "KPI", "KPIS", "PIX", "OK", "URGENTE"]

    /// The sentence folded (lower case, no accents) with its values replaced by their kind, as the extractors would
    /// see them: e-mails ("xemail"), SKUs ("xsku"), codes in capitals ("xcode") and capitalised names after the first
    /// word ("xname"). Names and codes vary endlessly; what the sentence asks for is in the other words. Byte level,
    /// because this runs for every sentence.
    public static func maskedFold(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var start = 0, first = true
        while start < bytes.count {
            guard bytes[start] != 0x20 else { start += 1; continue }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            var low = start, high = end
            while low < high, "(\"'".utf8.contains(bytes[low]) { low += 1 }
            while high > low, ",.;:!?)\"'".utf8.contains(bytes[high - 1]) { high -= 1 }
            if !out.isEmpty { out.append(0x20) }
            if let kind = kind(bytes[low..<high], first: first) {
                out.append(contentsOf: fold(String(decoding: bytes[start..<low], as: UTF8.self)))
                out.append(contentsOf: kind.utf8)
                out.append(contentsOf: fold(String(decoding: bytes[high..<end], as: UTF8.self)))
            } else {
                out.append(contentsOf: fold(String(decoding: bytes[start..<end], as: UTF8.self)))
            }
            first = ".!?:".utf8.contains(bytes[end - 1])
            start = end
        }
        return out
    }

    private static func kind(_ core: ArraySlice<UInt8>, first: Bool) -> String? {
        guard core.count > 1, let head = core.first else { return nil }
        var letters = 0, upper = 0, lowerTail = true, hyphen = false, at = false, other = false, index = core.startIndex
        while index < core.endIndex {
            let byte = core[index]
            let isHead = index == core.startIndex
            switch byte {
            case 0x41...0x5A: letters += 1; upper += 1; if !isHead { lowerTail = false }
            case 0x61...0x7A: letters += 1
            case 0xC3 where index + 1 < core.endIndex:
                let next = core[index + 1]
                letters += 1
                if (0x80...0x9E).contains(next) { upper += 1; if !isHead { lowerTail = false } }
                index += 1
            case 0x30...0x39: if !isHead { lowerTail = false }
            case UInt8(ascii: "-"): hyphen = true
            case UInt8(ascii: "@"): at = true
            case UInt8(ascii: "'"): break
            default: other = true
            }
            index += 1
        }
        if at { return "xemail" }
        if hyphen, letters >= 2, upper == letters, head >= 0x41, head <= 0x5A { return "xsku" }
        if letters >= 3, upper == letters, !acronyms.contains(String(decoding: core, as: UTF8.self)) { return "xcode" }
        let capital = (0x41...0x5A).contains(head) || (head == 0xC3 && core.count > 1 && (0x80...0x9E).contains(core[core.startIndex + 1]))
        if !first, capital, lowerTail, !hyphen, !other, letters >= 2 { return "xname" }
        return nil
    }

    /// Lower case without accents, fast (the Latin letters Portuguese and English use; anything else as it is).
    public static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: out.append(UInt8(value + 32))
            case 0x00...0x7F: out.append(UInt8(value))
            case 0xC0...0xFF:
                if let mapped = latin[Int(value - 0xC0)] { out.append(mapped) } else { out.append(contentsOf: Array(String(scalar).utf8)) }
            default:
                if scalar.properties.isWhitespace { out.append(0x20) } else { out.append(contentsOf: Array(String(scalar).lowercased().utf8)) }
            }
        }
        return out
    }

    /// À…ÿ folded to ASCII (nil: keep).
    static let latin: [UInt8?] = Array("aaaaaaaceeeeiiiidnooooo*ouuuuyts" + "aaaaaaaceeeeiiiidnooooo/ouuuuyty").map { c -> UInt8? in
        c == "*" || c == "/" ? nil : c.asciiValue
    }

    /// The folded words of a sentence as bytes; digits collapse to one "0"; "?", "%", "$", "#", "@" are words of
    /// their own (questions read differently from orders).
    public static func words(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = [], current: [UInt8] = []
        func close() { if !current.isEmpty { words.append(current); current.removeAll(keepingCapacity: true) } }
        for byte in maskedFold(text) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): if current.last != UInt8(ascii: "0") { current.append(UInt8(ascii: "0")) }
            case UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"): close(); words.append([byte])
            case 0x80...: current.append(byte)  // letters the folding kept (emoji bytes stay inside a word)
            default: close()
            }
        }
        close()
        return words
    }

    /// The feature buckets of a sentence (may repeat; repeats count).
    public func buckets(_ text: String) -> [UInt32] {
        let words = Self.words(text)
        var out: [UInt32] = []
        out.reserveCapacity(words.count * 14)
        let mask = UInt64((1 << bits) - 1)
        var previous = FNV.hash(Array("<s> ".utf8), seed: 2)
        var padded: [UInt8] = []
        padded.reserveCapacity(32)
        for bytes in words {
            out.append(UInt32(truncatingIfNeeded: FNV.hash(bytes, seed: 1) & mask))
            out.append(UInt32(truncatingIfNeeded: FNV.hash(bytes, continuing: previous) & mask))
            previous = FNV.hash(bytes + [0x20], seed: 2)
            guard bytes.count > 2 else { continue }
            padded.removeAll(keepingCapacity: true)
            padded.append(UInt8(ascii: "^"))
            padded.append(contentsOf: bytes)
            padded.append(UInt8(ascii: "$"))
            for size in charGrams where size <= padded.count {
                for start in 0...(padded.count - size) {
                    out.append(UInt32(truncatingIfNeeded: FNV.hash(padded[start..<(start + size)], seed: UInt64(10 + size)) & mask))
                }
            }
        }
        out.append(UInt32(truncatingIfNeeded: FNV.hash(Array("</s>".utf8), continuing: previous) & mask))
        return out
    }
}

/// FNV-1a, 64 bits: a stable hash (Swift's `Hasher` is seeded per process).
public enum FNV {
    public static func hash<C: Collection>(_ bytes: C, seed: UInt64 = 0, continuing: UInt64? = nil) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = continuing ?? (0xcbf2_9ce4_8422_2325 ^ (seed &* 0x9E37_79B9_7F4A_7C15))
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Hex digest of some bytes (the corpus fingerprint).
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(hash(bytes), radix: 16)
    }
}
