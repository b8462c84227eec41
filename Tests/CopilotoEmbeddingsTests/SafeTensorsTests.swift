@testable import CopilotoEmbeddings
import Foundation
import Testing

@Suite("safetensors files")
struct SafeTensorsTests {
    /// A file with the given JSON header and data section.
    func file(header: String, data: [UInt8]) -> Data {
        let json = Array(header.utf8)
        let length = UInt64(json.count)
        return Data((0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + json + data)
    }

    @Test("F32, F16 and BF16 tensors are read as Float; the metadata entry is skipped")
    func readsTensors() throws {
        let f32 = [Float(1.5), -2].flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
        let f16: [UInt8] = [0x00, 0x3C, 0x00, 0xC0]  // 1, -2
        let bf16: [UInt8] = [0x40, 0x40]  // 3
        let header = """
            {"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]},
             "b":{"dtype":"F16","shape":[2],"data_offsets":[8,12]},"c":{"dtype":"BF16","shape":[1],"data_offsets":[12,14]}}
            """
        let tensors = try SafeTensors(data: file(header: header, data: f32 + f16 + bf16))
        #expect(Set(tensors.entries.keys) == ["a", "b", "c"])
        #expect(tensors.entries["a"]?.shape == [1, 2])
        #expect(try tensors.floats("a") == [1.5, -2])
        #expect(try tensors.floats("b") == [1, -2])
        #expect(try tensors.floats("c") == [3])
    }

    @Test("half precision covers subnormals and infinity")
    func halfPrecision() {
        #expect(SafeTensors.half(0x0001) == Float(sign: .plus, exponent: -24, significand: 1))
        #expect(SafeTensors.half(0x7C00) == .infinity)
        #expect(SafeTensors.half(0x3555) == Float(0.33325195))
    }

    @Test("a truncated file, a header out of bounds or a missing tensor is an error, not a crash")
    func refusesBrokenFiles() throws {
        #expect(throws: MiniLMError.self) { try SafeTensors(data: Data([1, 2, 3])) }
        let outOfBounds = #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
        #expect(throws: MiniLMError.self) { try SafeTensors(data: file(header: outOfBounds, data: [0])) }
        let integers = #"{"a":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#
        let tensors = try SafeTensors(data: file(header: integers, data: Array(repeating: 0, count: 8)))
        #expect(throws: MiniLMError.missingTensor("b")) { try tensors.floats("b") }
        #expect(throws: MiniLMError.self) { try tensors.floats("a") }
    }
}
