import Foundation

/// A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
/// shape and byte range, then the raw data. The file is mapped once; tensors are copied out as `[Float]`.
public struct SafeTensors: Sendable {
    /// One tensor's entry in the header.
    public struct Entry: Sendable, Equatable {
        /// `F32`, `F16`, `BF16`, `I64`, …
        public let dtype: String
        public let shape: [Int]
        /// Byte range inside the data section (after the header).
        public let offsets: Range<Int>
        /// The number of elements.
        public var count: Int { shape.reduce(1, *) }
    }

    /// Every tensor of the file by name (`__metadata__` left out).
    public let entries: [String: Entry]
    private let data: Data
    private let dataStart: Int

    /// Maps and parses a safetensors file.
    public init(contentsOf url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { throw MiniLMError.missingFile(url.path) }
        try self.init(data: Data(contentsOf: url, options: .alwaysMapped))
    }

    /// Parses safetensors bytes held in memory.
    public init(data: Data) throws {
        guard data.count >= 8 else { throw MiniLMError.invalidSafeTensors("shorter than 8 bytes") }
        let length = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length <= UInt64(data.count - 8) else { throw MiniLMError.invalidSafeTensors("header length \(length)") }
        let start = data.startIndex + 8
        let header = data[start..<(start + Int(length))]
        guard let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw MiniLMError.invalidSafeTensors("header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        let available = data.count - 8 - Int(length)
        for (name, value) in json where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                  offsets.count == 2, 0 <= offsets[0], offsets[0] <= offsets[1], offsets[1] <= available
            else { throw MiniLMError.invalidSafeTensors("entry \(name)") }
            entries[name] = Entry(dtype: dtype, shape: shape, offsets: offsets[0]..<offsets[1])
        }
        self.entries = entries
        self.data = data
        dataStart = 8 + Int(length)
    }

    /// The elements of a floating-point tensor (F32, F16 or BF16) as `Float`, in the file's (row-major) order.
    public func floats(_ name: String) throws -> [Float] {
        guard let entry = entries[name] else { throw MiniLMError.missingTensor(name) }
        let width = switch entry.dtype { case "F32": 4; case "F16", "BF16": 2; default: 0 }
        guard width > 0 else { throw MiniLMError.unexpectedTensor(name: name, detail: "dtype \(entry.dtype) is not a float") }
        let count = entry.count
        guard entry.offsets.count == count * width else {
            throw MiniLMError.unexpectedTensor(name: name, detail: "\(entry.offsets.count) bytes for \(count) \(entry.dtype)")
        }
        return data.withUnsafeBytes { raw in
            let bytes = UnsafeRawBufferPointer(rebasing: raw[(dataStart + entry.offsets.lowerBound)...].prefix(count * width))
            return [Float](unsafeUninitializedCapacity: count) { out, initialised in
                Self.decode(bytes, dtype: entry.dtype, into: out)
                initialised = count
            }
        }
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, dtype: String, into out: UnsafeMutableBufferPointer<Float>) {
        func half(_ index: Int) -> UInt16 { UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self)) }
        switch dtype {
        case "F32" where UInt32(littleEndian: 1) == 1:
            UnsafeMutableRawBufferPointer(out).copyMemory(from: bytes)  // the file's layout is the host's
        case "F32":
            for index in out.indices {
                out[index] = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)))
            }
        case "F16":
            for index in out.indices { out[index] = Self.half(half(index)) }
        default:
            for index in out.indices { out[index] = Float(bitPattern: UInt32(half(index)) << 16) }
        }
    }

    /// IEEE half precision to single precision, subnormals, infinities and NaN included.
    static func half(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        }
        if exponent == 0x1F { return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13) }
        return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
    }
}
