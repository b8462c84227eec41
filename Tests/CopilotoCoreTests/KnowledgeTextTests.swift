@testable import CopilotoCore
import Foundation
import Testing

/// HTML to text, formats, vector bytes and the in-process index's rankings.
@Suite("Knowledge text and index")
struct KnowledgeTextTests {
    @Test("HTML: headings become # lines, lists become - items, scripts, styles and comments-like heads vanish, entities decode")
    func html() {
        let text = HTMLText.text("""
            <html><head><title>Loja</title><script>alert("x < y")</script></head><body>
            <h1>Trocas &amp; devolu&ccedil;&otilde;es</h1><p>Prazo de <b>30 dias</b>.<br>Sem custo.</p>
            <h3>Exce&#231;&#xF5;es</h3><ul><li>Roupas &iacute;ntimas</li><li>Produtos usados</li></ul>
            <table><tr><td>PIX</td><td>5%</td></tr></table></body></html>
            """)
        #expect(text == """
            # Trocas & devoluções

            Prazo de 30 dias.
            Sem custo.

            ### Exceções

            - Roupas íntimas
            - Produtos usados

            PIX 5%
            """)
        #expect(HTMLText.text("5 < 6 & 7 > 3 &unknown; &") == "5 < 6 & 7 > 3 &unknown; &")
    }

    @Test("MIME types name formats")
    func formats() {
        #expect(DocumentFormat(mimeType: "text/html; charset=utf-8") == .html)
        #expect(DocumentFormat(mimeType: "application/pdf") == .pdf)
        #expect(DocumentFormat(mimeType: "text/markdown") == .markdown)
        #expect(DocumentFormat(mimeType: "application/json") == nil)
    }

    @Test("vectors survive their stored bytes exactly")
    func bytes() {
        let vector: [Float] = [0, -1.5, 3.25e-8, .greatestFiniteMagnitude, 0.1]
        #expect(VectorMath.vector(VectorMath.bytes(vector)) == vector)
        #expect(VectorMath.bytes(vector).count == 20)
    }

    @Test("the SIMD scan equals a plain dot product on odd sizes")
    func scan() {
        for dimensions in [1, 15, 16, 33, 384, 385] {
            var generator = SystemRandomNumberGenerator()
            let rows = 7
            let matrix = (0..<rows * dimensions).map { _ in Float.random(in: -1...1, using: &generator) }
            let query = (0..<dimensions).map { _ in Float.random(in: -1...1, using: &generator) }
            var out = [Float](repeating: 0, count: rows)
            matrix.withUnsafeBufferPointer { m in
                query.withUnsafeBufferPointer { q in
                    out.withUnsafeMutableBufferPointer { VectorMath.dotAll(matrix: m, count: rows, dimensions: dimensions, query: q, into: $0) }
                }
            }
            for row in 0..<rows {
                let expected = (0..<dimensions).reduce(Float(0)) { $0 + matrix[row * dimensions + $1] * query[$1] }
                #expect(abs(out[row] - expected) < 1e-4)
            }
        }
    }

    static func chunk(_ title: String, _ text: String, _ position: Int = 0) -> IndexedChunk {
        IndexedChunk(chunk: KnowledgeChunk(documentId: UUID(), title: title, position: position, text: text), model: "m",
                     vector: nil)
    }

    @Test("BM25: rarer terms weigh more, accents and plurals fold, stop words don't count")
    func lexical() {
        let index = KnowledgeIndex(version: 1, chunks: [
            Self.chunk("Trocas", "Trocas de produtos em até 30 dias com nota fiscal."),
            Self.chunk("Entregas", "Entregas em todo o Brasil; produtos grandes têm frete especial."),
            Self.chunk("Pagamentos", "Pagamento por PIX, boleto ou cartão de crédito em até 10x."),
        ], model: nil)
        #expect(index.lexical("Como faço a troca de um produto?", limit: 3).first.map { index.chunks[$0.0].title } == "Trocas")
        #expect(index.lexical("cartao de credito", limit: 3).map { index.chunks[$0.0].title } == ["Pagamentos"])
        #expect(index.lexical("de o a", limit: 3).isEmpty)
        #expect(index.lexical("frete", limit: 0).isEmpty)
    }

    @Test("reciprocal rank fusion puts what both lists agree on first")
    func fusion() {
        let a = KnowledgeChunk(documentId: UUID(), title: "A", position: 0, text: "a")
        let b = KnowledgeChunk(documentId: UUID(), title: "B", position: 0, text: "b")
        let c = KnowledgeChunk(documentId: UUID(), title: "C", position: 0, text: "c")
        let fused = KnowledgeRetriever.fuse([[(a, 9), (b, 5)], [(b, 0.9), (c, 0.8)]])
        #expect(fused.map(\.0.title) == ["B", "A", "C"])
        #expect(abs(fused[0].1 - (1.0 / 62 + 1.0 / 61)) < 1e-12)
    }
}
