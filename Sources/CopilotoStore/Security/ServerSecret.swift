import Crypto
import Foundation

/// The server secret that signs approvals (and later encrypts credentials): `COPILOTO_SECRET_KEY` when
/// configured, otherwise generated once and kept in `copiloto.secret` in the data directory (mode 0600).
/// Several instances on one PostgreSQL must share it through the environment.
public enum ServerSecret {
    public static func load(configured: String?, directory: String) throws -> Data {
        if let configured, !configured.isEmpty { return Data(configured.utf8) }
        let path = URL(fileURLWithPath: directory).appendingPathComponent("copiloto.secret").path
        if let existing = FileManager.default.contents(atPath: path), existing.count >= 32 { return existing }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedData()
        guard FileManager.default.createFile(atPath: path, contents: secret, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return secret
    }
}
