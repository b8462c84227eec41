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

/// The rest of Meta's message and status shapes.
@Suite("WhatsApp payloads: media, replies, statuses")
struct WhatsAppPayloadShapesTests {
    static func parse(_ text: String) throws -> WhatsAppWebhook.Payload {
        WhatsAppWebhook.parse(try JSONValue.parse(Data(text.utf8)))
    }

    @Test("every media type keeps its id and waits to be fetched; lists, contacts, reactions and BSUID-only senders are read")
    func media() throws {
        let payload = try Self.parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"A","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"phone_number_id":"P1"},
              "contacts":[{"profile":{"name":"Ana"},"wa_id":"5511911110000"},{"profile":{"name":"Bia"},"user_id":"BR.13491208655302741918"}],
              "messages":[
                {"from":"5511911110000","id":"m1","timestamp":"1763700000","type":"video","video":{"id":"V1","mime_type":"video/mp4","caption":"veja"}},
                {"from":"5511911110000","id":"m2","timestamp":"1763700000","type":"document","document":{"id":"D1","mime_type":"application/pdf","filename":"nota.pdf"}},
                {"from":"5511911110000","id":"m3","timestamp":"1763700000","type":"sticker","sticker":{"id":"S1","mime_type":"image/webp","animated":false}},
                {"from":"5511911110000","id":"m4","timestamp":"1763700000","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"row-2","title":"Trocar tamanho","description":"Troca em 7 dias"}}},
                {"from":"5511911110000","id":"m5","timestamp":"1763700000","type":"contacts","contacts":[{"name":{"formatted_name":"Carla Dias","first_name":"Carla"},"phones":[{"phone":"+55 11 98888-7777","wa_id":"5511988887777","type":"CELL"}]}]},
                {"from":"5511911110000","id":"m6","timestamp":"1763700000","type":"reaction","reaction":{"message_id":"wamid.OUT1","emoji":"❤️"}},
                {"from_user_id":"BR.13491208655302741918","id":"m7","timestamp":"1763700000","type":"text","text":{"body":"oi"}}
              ]}}]}]}
            """)
        #expect(payload.messages.map(\.externalId) == ["m1", "m2", "m3", "m4", "m5", "m6", "m7"])
        #expect(payload.messages[0].text == "veja")
        for (index, id) in [(0, "V1"), (1, "D1"), (2, "S1")] {
            #expect(payload.messages[index].media?.string("id") == id)
            #expect(payload.messages[index].media?.string("state") == "pending")
        }
        #expect(payload.messages[1].media?.string("filename") == "nota.pdf")
        #expect(payload.messages[3].text == "Trocar tamanho")
        #expect(payload.messages[3].media?.string("type") == "list_reply")
        #expect(payload.messages[3].media?.string("id") == "row-2")
        #expect(payload.messages[3].media?.string("state") == nil)
        #expect(payload.messages[4].text == "Carla Dias +55 11 98888-7777")
        #expect(payload.messages[5].media?.string("messageId") == "wamid.OUT1")
        #expect(payload.messages[6].externalContact == "BR.13491208655302741918")
        #expect(payload.messages[6].contactName == "Bia")
    }

    @Test("statuses: played is read, a failure carries Meta's code and title, unknown statuses are skipped")
    func statuses() throws {
        let payload = try Self.parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"A","changes":[{"field":"messages","value":{
              "messaging_product":"whatsapp","metadata":{"phone_number_id":"P1"},"statuses":[
                {"id":"w1","status":"played","timestamp":"1","recipient_id":"55"},
                {"id":"w2","status":"failed","timestamp":"1","recipient_id":"55","errors":[{"code":131047,"title":"Re-engagement message",
                  "message":"Re-engagement message","error_data":{"details":"more than 24 hours"}}]},
                {"id":"w3","status":"deleted","timestamp":"1","recipient_id":"55"}]}}]}]}
            """)
        #expect(payload.statuses.map(\.status) == [.played, .failed])
        #expect(payload.statuses[0].reason == nil)
        #expect(payload.statuses[1].reason == "131047: Re-engagement message")
        #expect(payload.messages.isEmpty)
    }
}
