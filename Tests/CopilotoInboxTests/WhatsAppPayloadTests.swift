import CopilotoCore
import CopilotoInbox
import Crypto
import Foundation
import Testing

/// Meta's payload shapes and the signature check, without HTTP.
@Suite("WhatsApp payloads")
struct WhatsAppPayloadTests {
    @Test("the signature is HMAC-SHA256 of the exact bytes with the app secret, hex, case-insensitive")
    func signature() {
        let body = Data(#"{"object":"whatsapp_business_account","entry":[]}"#.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data("s3cr3t".utf8)))
        let hex = Data(mac).map { String(format: "%02x", $0) }.joined()
        #expect(WhatsAppWebhook.signatureIsValid("sha256=" + hex, body: body, appSecret: "s3cr3t"))
        #expect(WhatsAppWebhook.signatureIsValid("sha256=" + hex.uppercased(), body: body, appSecret: "s3cr3t"))
        #expect(!WhatsAppWebhook.signatureIsValid("sha1=" + hex, body: body, appSecret: "s3cr3t"))
        #expect(!WhatsAppWebhook.signatureIsValid("sha256=" + hex, body: body + Data(" ".utf8), appSecret: "s3cr3t"))
        #expect(!WhatsAppWebhook.signatureIsValid(nil, body: body, appSecret: "s3cr3t"))
        #expect(!WhatsAppWebhook.signatureIsValid("sha256=" + hex, body: body, appSecret: ""))
    }

    @Test("handshake: subscribe with the right token echoes the challenge")
    func verify() {
        #expect(WhatsAppWebhook.verify(mode: "subscribe", token: "tok", challenge: "42", expected: "tok") == "42")
        #expect(WhatsAppWebhook.verify(mode: "subscribe", token: "tok", challenge: "42", expected: nil) == nil)
        #expect(WhatsAppWebhook.verify(mode: "subscribe", token: "", challenge: "42", expected: "") == nil)
    }

    @Test("several entries and changes; interactive, button, location, reaction and unknown types")
    func shapes() throws {
        let json = try JSONValue.parse(Data("""
            {"object":"whatsapp_business_account","entry":[
              {"id":"A","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"P1"},
                "contacts":[{"profile":{"name":"Ana"},"wa_id":"5511911110000"}],
                "messages":[{"from":"5511911110000","id":"w1","timestamp":"1763700000","type":"interactive",
                  "interactive":{"type":"button_reply","button_reply":{"id":"b1","title":"Quero comprar"}}},
                  {"from":"5511911110000","id":"w2","timestamp":"1763700001","type":"button","button":{"text":"Sim","payload":"yes"}}]}}]},
              {"id":"B","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"P2"},
                "messages":[{"from":"5521922220000","id":"w3","timestamp":"1763700002","type":"location",
                  "location":{"latitude":-22.9,"longitude":-43.2,"name":"Loja Centro"}},
                  {"from":"5521922220000","id":"w4","timestamp":"1763700003","type":"reaction","reaction":{"message_id":"w0","emoji":"👍"}},
                  {"from":"5521922220000","id":"w5","timestamp":"1763700004","type":"unsupported"}]}},
                {"field":"account_update","value":{}}]}]}
            """.utf8))
        let payload = WhatsAppWebhook.parse(json)
        #expect(payload.messages.map(\.externalId) == ["w1", "w2", "w3", "w4", "w5"])
        #expect(payload.messages.map(\.text) == ["Quero comprar", "Sim", "Loja Centro", "👍", ""])
        #expect(payload.messages[0].contactName == "Ana")
        #expect(payload.messages[2].channelAccount == "P2")
        #expect(payload.messages[2].media?.string("type") == "location")
        #expect(payload.messages[4].media?.string("type") == "unsupported")
        #expect(payload.messages[0].timestamp == Date(timeIntervalSince1970: 1_763_700_000))
    }
}
