import ArgumentParser
import CopilotoStore
import Foundation

/// `copiloto migrate`: applies pending database migrations and exits.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Aplica as migrações pendentes do banco de dados.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let config = try common.resolve()
        let logger = Logs.bootstrap(level: config.logLevel)
        let opened = try await OpenedStore.open(try DatabaseLocation(url: config.databaseURL), logger: logger)
        try await ServicesRunner.with(opened.services) {
            let applied = try await opened.store.migrate()
            print(applied.isEmpty ? "Banco já está atualizado." : "Migrações aplicadas: \(applied.map(String.init).joined(separator: ", "))")
        }
        try await opened.store.shutdown()
    }
}
