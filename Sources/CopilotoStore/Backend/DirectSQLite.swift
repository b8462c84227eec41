import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization
import VaporCSQLite

/// One SQLite connection driven through the C API on the calling task, with prepared statements kept per SQL text.
///
/// SQLiteNIO runs every statement on a thread pool and hands each row back through the event loop: three thread
/// wake-ups per statement, paid while the single writer holds the lock. Statements here take microseconds, so they
/// run where the transaction runs (serialised by `SQLiteBackend`'s lock; the mutex only guards misuse).
final class DirectSQLite: Sendable {
    private struct State: ~Copyable {
        var handle: OpaquePointer?
        var statements: [String: OpaquePointer] = [:]
    }

    private let state: Mutex<State>
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, handle != nil else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open \(path)"
            sqlite_nio_sqlite3_close(handle)
            throw DirectSQLiteError(code: code, message: message)
        }
        state = Mutex(State(handle: handle))
    }

    /// Runs one statement: binds, steps through the rows (handing each to `onRow`), then resets it for reuse.
    func run(_ sql: String, _ binds: [SQLiteData], _ onRow: (DirectRow) throws -> Void) throws {
        try state.withLock { state in
            guard let db = state.handle else { throw DirectSQLiteError(code: SQLITE_MISUSE, message: "connection closed") }
            let statement: OpaquePointer
            if let cached = state.statements[sql] {
                statement = cached
            } else {
                var prepared: OpaquePointer?
                let code = sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
                guard code == SQLITE_OK, let prepared else { throw Self.error(db, code) }
                // Keep the common statements; a runaway variety of texts (IN lists of every length) is not cached.
                if state.statements.count < 512 { state.statements[sql] = prepared }
                statement = prepared
            }
            defer {
                sqlite_nio_sqlite3_reset(statement)
                sqlite_nio_sqlite3_clear_bindings(statement)
                if state.statements[sql] != statement { sqlite_nio_sqlite3_finalize(statement) }
            }
            for (index, bind) in binds.enumerated() {
                let i = Int32(index + 1), code: Int32
                switch bind {
                case .blob(let value):
                    code = value.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob64(statement, i, $0.baseAddress, UInt64($0.count), Self.transient) }
                case .float(let value): code = sqlite_nio_sqlite3_bind_double(statement, i, value)
                case .integer(let value): code = sqlite_nio_sqlite3_bind_int64(statement, i, Int64(value))
                case .null: code = sqlite_nio_sqlite3_bind_null(statement, i)
                case .text(let value):
                    code = sqlite_nio_sqlite3_bind_text64(statement, i, value, UInt64(value.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
                }
                guard code == SQLITE_OK else { throw Self.error(db, code) }
            }
            var columns: [String]?
            while true {
                let code = sqlite_nio_sqlite3_step(statement)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw Self.error(db, code) }
                let names = columns ?? (0..<sqlite_nio_sqlite3_column_count(statement)).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
                columns = names
                try onRow(DirectRow(columns: names, values: try names.indices.map { try Self.value(statement, Int32($0)) }))
            }
        }
    }

    func close() {
        state.withLock { state in
            for statement in state.statements.values { sqlite_nio_sqlite3_finalize(statement) }
            state.statements = [:]
            sqlite_nio_sqlite3_close(state.handle)
            state.handle = nil
        }
    }

    private static func value(_ statement: OpaquePointer, _ i: Int32) throws -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, i)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, i))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, i) else { return .text("") }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, i))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, i))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, i) { buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count)) }
            return .blob(buffer)
        default: return .null
        }
    }

    private static func error(_ db: OpaquePointer, _ code: Int32) -> DirectSQLiteError {
        DirectSQLiteError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(db)))
    }
}

/// A failed SQLite call: the code and SQLite's own message ("UNIQUE constraint failed: users.email").
struct DirectSQLiteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "sqlite error \(code): \(message)" }
}

/// One result row, decoded the way SQLiteKit decodes (`SQLiteDataDecoder`).
struct DirectRow: SQLRow {
    let columns: [String]
    let values: [SQLiteData]

    var allColumns: [String] { columns }
    func contains(column: String) -> Bool { columns.contains(column) }
    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.firstIndex(of: column) else { return true }
        return values[index] == .null
    }
    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        guard let index = columns.firstIndex(of: column) else { throw DirectSQLiteError(code: SQLITE_RANGE, message: "no column \(column)") }
        return try SQLiteDataDecoder().decode(D.self, from: values[index])
    }
}

/// SQLKit over `DirectSQLite`: serialises with SQLite's dialect and runs inline.
struct DirectSQLDatabase: SQLDatabase {
    let connection: DirectSQLite
    let logger: Logger
    let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.any()
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        try connection.run(sql, try binds.map { try encoder.encode($0) }) { onRow($0) }
    }
}
