import Foundation

/// The BERT uncased normaliser and pre-tokeniser (Hugging Face `BertNormalizer` + `BertPreTokenizer`):
/// drops control characters, turns whitespace into spaces, isolates CJK ideographs, strips accents
/// (NFD, then no non-spacing marks), lowercases, and splits on whitespace and punctuation.
enum BertTextSplitter {
    /// Calls `body` with each word, in order, until it returns false. The buffer is reused between calls.
    static func forEachWord(in text: String, _ body: (ArraySlice<Unicode.Scalar>) -> Bool) {
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(32)
        var going = true
        func flush() {
            if going, !word.isEmpty { going = body(word[...]) }
            word.removeAll(keepingCapacity: true)
        }
        func isolate(_ scalar: Unicode.Scalar) {
            flush()
            word.append(scalar)
            flush()
        }
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        // NFD on the whole text so combining marks are reordered as Hugging Face's normaliser does.
        let source = isASCII ? text : text.decomposedStringWithCanonicalMapping
        for scalar in source.unicodeScalars {
            guard going else { return }
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D {
                    flush()
                } else if value < 0x20 || value == 0x7F {
                    continue
                } else if isASCIIPunctuation(value) {
                    isolate(scalar)
                } else if value >= 0x41 && value <= 0x5A {
                    word.append(Unicode.Scalar(value + 0x20)!)
                } else {
                    word.append(scalar)
                }
                continue
            }
            let properties = scalar.properties
            if value == 0xFFFD || isControl(properties.generalCategory) || properties.generalCategory == .nonspacingMark {
                continue
            }
            if properties.isWhitespace {
                flush()
            } else if isCJK(value) {
                isolate(scalar)
            } else {
                for lower in properties.lowercaseMapping.unicodeScalars {
                    if isPunctuation(lower) { isolate(lower) } else { word.append(lower) }
                }
            }
        }
        flush()
    }

    static func isASCIIPunctuation(_ value: UInt32) -> Bool {
        (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value) || (123...126).contains(value)
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isASCIIPunctuation(scalar.value) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isControl(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .control, .format, .unassigned, .privateUse, .surrogate: true
        default: false
        }
    }

    /// The CJK Unified Ideographs blocks BERT isolates (Korean and Japanese kana are not among them).
    static func isCJK(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2B73F).contains(value) || (0x2B740...0x2B81F).contains(value)
            || (0x2B820...0x2CEAF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x2F800...0x2FA1F).contains(value)
    }
}
