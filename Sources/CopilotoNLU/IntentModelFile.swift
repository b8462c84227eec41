import CopilotoCore
import Foundation

/// The weights file: a magic line, one JSON header line (classes, feature configuration, corpus fingerprint, row
/// count), then for each used bucket its number (UInt32, little-endian), a scale (Float32) and one Int8 weight per
/// column — the classes, then their `IntentFactors` (weight = scale × q / 127). The bias row carries bucket 0xFFFFFFFF.
public enum IntentModelFile {
    static let magic = "COPILOTO-INTENTS-1\n"
    static let biasBucket = UInt32.max

    public struct Damaged: Error, CustomStringConvertible {
        public let description: String
    }

    public static func encode(_ model: IntentModel) -> Data {
        let count = model.columns
        var rows: [(UInt32, ArraySlice<Float>)] = []
        for (bucket, row) in model.rowOf.enumerated() where row >= 0 {
            rows.append((UInt32(bucket), model.weights[(Int(row) * count)..<(Int(row) * count + count)]))
        }
        let biasRow = model.weights.count / count - 1
        rows.append((biasBucket, model.weights[(biasRow * count)..<(biasRow * count + count)]))
        let header: JSONValue = ["classes": .array(model.classes.map(JSONValue.string)), "bits": .number(Double(model.features.bits)),
                                 "charGrams": [.number(Double(model.features.charGrams.lowerBound)),
                                               .number(Double(model.features.charGrams.upperBound))],
                                 "corpusHash": .string(model.corpusHash), "rows": .number(Double(rows.count))]
        var data = Data((magic + header.encoded() + "\n").utf8)
        data.reserveCapacity(data.count + rows.count * (8 + count))
        for (bucket, weights) in rows {
            withUnsafeBytes(of: bucket.littleEndian) { data.append(contentsOf: $0) }
            let scale = max(weights.map(abs).max() ?? 0, 1e-9)
            withUnsafeBytes(of: scale.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: weights.map { UInt8(bitPattern: Int8(($0 / scale * 127).rounded())) })
        }
        return data
    }

    public static func decode(_ data: Data) throws -> IntentModel {
        let bytes = [UInt8](data)
        let magicBytes = Array(magic.utf8)
        guard bytes.starts(with: magicBytes), let newline = bytes[magicBytes.count...].firstIndex(of: 0x0A) else {
            throw Damaged(description: "not an intent model file")
        }
        let header = try JSONValue.parse(Data(bytes[magicBytes.count..<newline]))
        let classes = (header["classes"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard case .number(let bits)? = header["bits"], (8...24).contains(Int(bits)), case .number(let rowCount)? = header["rows"],
              let grams = header["charGrams"]?.arrayValue, grams.count == 2, case .number(let low) = grams[0], case .number(let high) = grams[1],
              low >= 1, high >= low, !classes.isEmpty else { throw Damaged(description: "bad header") }
        let features = NLUFeatures(bits: Int(bits), charGrams: Int(low)...Int(high))
        let count = IntentFactors.layout(classes).columns.count, rows = Int(rowCount), stride = 8 + count
        guard rows >= 1, bytes.count - (newline + 1) == rows * stride else { throw Damaged(description: "truncated weights") }
        var rowOf = [Int32](repeating: -1, count: 1 << features.bits)
        var weights = [Float](repeating: 0, count: rows * count)
        var offset = newline + 1, next = 0
        for _ in 0..<rows {
            let bucket = UInt32(littleEndian: bytes[offset..<(offset + 4)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
            let scale = Float(bitPattern: UInt32(littleEndian: bytes[(offset + 4)..<(offset + 8)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }))
            let target = bucket == biasBucket ? rows - 1 : next
            if bucket != biasBucket {
                guard Int(bucket) < rowOf.count, next < rows - 1 else { throw Damaged(description: "bad bucket") }
                rowOf[Int(bucket)] = Int32(next)
                next += 1
            }
            for c in 0..<count { weights[target * count + c] = scale * Float(Int8(bitPattern: bytes[offset + 8 + c])) / 127 }
            offset += stride
        }
        return IntentModel(classes: classes, features: features, corpusHash: header.string("corpusHash") ?? "", rowOf: rowOf, weights: weights)
    }
}
