import CopilotoCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PDF text through poppler's `pdftotext` (Debian's poppler-utils), run on a temporary copy of the file.
struct PDFToText: PDFTextExtractor {
    let executable: String

    /// The tool on PATH, or nil when it is not installed (PDF uploads then get a clear 422).
    static func find() -> PDFToText? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/pdftotext") {
            return PDFToText(executable: "\(folder)/pdftotext")
        }
        return nil
    }

    func text(fromPDF data: Data) async throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("copiloto-pdf-\(UUID().uuidString)")
        let input = base.appendingPathExtension("pdf"), output = base.appendingPathExtension("txt")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try data.write(to: input)
        let arguments = [executable, "-q", "-enc", "UTF-8", input.path, output.path]
        // waitpid blocks its thread until pdftotext ends: a waits-pool thread, not a cooperative one.
        let status = try await BlockingPool.waits.run { try Self.run(arguments) }
        guard status == 0 else { throw CopilotoError.unprocessable(reason: .pdfUnreadable) }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }

    /// posix_spawn + waitpid (Foundation's Process can hang on Linux).
    private static func run(_ arguments: [String]) throws -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { throw CopilotoError.unprocessable(reason: .pdfUnreadable) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
