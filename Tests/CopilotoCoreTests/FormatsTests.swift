import CopilotoCore
import Testing

@Suite("Brazilian formats")
struct FormatsTests {
    @Test("valid CPF and CNPJ numbers normalise; bad check digits do not", arguments: [
        ("529.982.247-25", "52998224725"), ("11.222.333/0001-81", "11222333000181"),
        ("12.ABC.345/01DE-35", "12ABC34501DE35"), ("12abc34501de35", "12ABC34501DE35"),
    ])
    func validDocuments(text: String, canonical: String) {
        #expect(BrazilianDocument.normalize(text)?.value == canonical)
    }

    @Test("invalid documents are rejected", arguments: ["529.982.247-24", "111.111.111-11", "11.222.333/0001-82", "123", "12.ABC.345/01DE-3A"])
    func invalidDocuments(text: String) {
        #expect(BrazilianDocument.normalize(text) == nil)
    }

    @Test("phones become E.164 with +55 by default", arguments: [
        ("(11) 91234-5678", "+5511912345678"), ("+55 21 97777-0000", "+5521977770000"), ("011 91234-5678", "+5511912345678"),
        ("+1 415 555 2671", "+14155552671"), ("5511912345678", "+5511912345678"),
    ])
    func phones(text: String, e164: String) {
        #expect(ContactFormats.phone(text) == e164)
    }

    @Test("non-phones are rejected", arguments: ["abc", "123", "+55 11 ramal 3"])
    func badPhones(text: String) {
        #expect(ContactFormats.phone(text) == nil)
    }

    @Test("NCM, CEST, e-mail and day formats")
    func otherFormats() {
        #expect(ContactFormats.ncm("3305.10.00") == "33051000")
        #expect(ContactFormats.ncm("3305.10") == nil)
        #expect(ContactFormats.cest("20.001.00") == "2000100")
        #expect(ContactFormats.email(" Maria.Souza@Gmail.com ") == "maria.souza@gmail.com")
        #expect(ContactFormats.email("maria@") == nil)
        #expect(ContactFormats.day("2024-02-29") == "2024-02-29")
        #expect(ContactFormats.day("2025-02-29") == nil)
    }

    @Test("text folding ignores accents, case and spacing")
    func folding() {
        #expect(TextFolding.fold("  João   CONCEIÇÃO ") == "joao conceicao")
    }

    @Test("Accept-Language picks pt-BR unless English is preferred")
    func languages() {
        #expect(Language.negotiate(nil) == .ptBR)
        #expect(Language.negotiate("en-US,en;q=0.9") == .en)
        #expect(Language.negotiate("fr, pt-BR;q=0.8, en;q=0.5") == .ptBR)
        #expect(Language.negotiate("de") == .ptBR)
    }
}
