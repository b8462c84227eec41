import Foundation

/// Writes a real one-page PDF (Helvetica, WinAnsi encoding) with the given lines, for upload tests: what
/// `pdftotext` reads back is the text.
public enum MinimalPDF {
    public static func make(lines: [String]) -> Data {
        var content = Data("BT /F1 12 Tf 72 720 Td 16 TL\n".utf8)
        for line in lines { content += Data("(".utf8) + escaped(line) + Data(") Tj T*\n".utf8) }
        content += Data("ET\n".utf8)
        let objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".utf8),
            Data("<< /Length \(content.count) >>\nstream\n".utf8) + content + Data("endstream".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
        ]
        var pdf = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf += Data("\(i + 1) 0 obj\n".utf8) + object + Data("\nendobj\n".utf8)
        }
        let xref = pdf.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer << /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf + Data(table.utf8)
    }

    /// Latin-1 bytes with PDF string escapes.
    private static func escaped(_ text: String) -> Data {
        var bytes = Data()
        for scalar in text.unicodeScalars {
            let value = scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?")
            if value == UInt8(ascii: "(") || value == UInt8(ascii: ")") || value == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(value)
        }
        return bytes
    }
}
