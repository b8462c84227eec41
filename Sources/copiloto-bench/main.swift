import CopilotoStore
import CopilotoTesting
import Logging
import Foundation

func debugRun() async throws {
    FileHandle.standardError.write("start\n".data(using: .utf8)!)
    try await Backend.sqlite.withStore { store in
        FileHandle.standardError.write("in store\n".data(using: .utf8)!)
        let t = try await Fixtures.tenant(store)
        FileHandle.standardError.write("tenant \(t.slug)\n".data(using: .utf8)!)
    }
    FileHandle.standardError.write("sqlite done\n".data(using: .utf8)!)
    try await Backend.postgres.withStore { store in
        FileHandle.standardError.write("in pg store\n".data(using: .utf8)!)
        let t = try await Fixtures.tenant(store)
        FileHandle.standardError.write("tenant \(t.slug)\n".data(using: .utf8)!)
    }
    FileHandle.standardError.write("pg done\n".data(using: .utf8)!)
}
try await debugRun()
