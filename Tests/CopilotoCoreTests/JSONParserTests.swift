import CopilotoCore
import Foundation
import Testing

/// The hand-written JSON parser and writer agree with Foundation's on valid input and reject what RFC 8259 rejects.
@Suite("JSON parser and writer")
struct JSONParserTests {
    static let valid = [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e\"f\\g\/h\u00e9\ud83d\ude00"},"n":-12.5e-3}"#,
        #"[]"#, #"{}"#, #" [ 1 , 2 ] "#, #""só texto""#, "0", "-0.5", "1E+2", #"{"a":{"a":{"a":[]}}}"#, #"{"k":1,"k":2}"#,
        #"["\u0000 \t \n"]"#, "123456789012", #"{"emoji":"🇧🇷","acento":"ação"}"#,
    ]
    static let invalid = [
        "", " ", "{", "}", "[1,]", "[,1]", #"{"a" 1}"#, #"{"a":1,}"#, "01", "1.", ".5", "-", "+1", "1e", "tru", "nul", "NaN",
        #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00x""#, "\"a\nb\"", #"[1] x"#, #"{a:1}"#, "'a'", "1e999",
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]

    @Test("valid documents parse to what Foundation's decoder gives", arguments: valid)
    func agreesWithFoundation(_ text: String) throws {
        let ours = try JSONValue.parse(Data(text.utf8))
        let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == theirs)
        #expect(try JSONValue.parse(Data(ours.encoded().utf8)) == ours)
    }

    @Test("malformed documents are rejected with a field error, never a crash", arguments: invalid)
    func rejects(_ text: String) {
        #expect(throws: CopilotoError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        #expect(throws: CopilotoError.self) { try JSONValue.parse(Data([0x22, 0xC3, 0x28, 0x22])) }
    }

    @Test("the writer escapes control characters and keeps keys sorted and integers plain")
    func writer() {
        let value: JSONValue = ["b": .string("a\u{01}\"\\/é"), "a": .number(3), "c": .number(0.25), "d": .array([.null, .bool(true)])]
        #expect(value.encoded() == #"{"a":3,"b":"a\u0001\"\\/é","c":0.25,"d":[null,true]}"#)
    }
}
