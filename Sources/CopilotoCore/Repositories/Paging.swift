import Foundation

/// A request for one page of a list: size, position and filters.
public struct PageRequest: Sendable, Equatable {
    /// Items per page, 1…200.
    public var limit: Int
    /// Opaque position returned as `nextCursor` by the previous page.
    public var cursor: String?
    /// Free text, matched accent- and case-insensitively.
    public var query: String?
    /// Equality filters by domain field name (`status`, `customerId`).
    public var equals: [String: String]
    /// Inclusive lower and exclusive upper bounds on the list's time field.
    public var from: Date?
    public var to: Date?

    public init(limit: Int = 50, cursor: String? = nil, query: String? = nil, equals: [String: String] = [:],
                from: Date? = nil, to: Date? = nil) {
        self.limit = min(max(limit, 1), 200)
        self.cursor = cursor
        self.query = query
        self.equals = equals
        self.from = from
        self.to = to
    }
}

/// One page of results and where the next one starts (nil at the end).
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// The same page with each item transformed.
    public func map<T>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), nextCursor: nextCursor)
    }
}

/// A keyset position: the sort value and id of the last item seen.
public struct Cursor: Sendable, Equatable {
    public var sortValue: Int
    public var id: String

    public init(sortValue: Int, id: String) {
        self.sortValue = sortValue
        self.id = id
    }

    /// URL-safe text form.
    public var encoded: String {
        Data("\(sortValue)|\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a cursor; throws a field error on `cursor` when it is not one of ours.
    public init(encoded text: String) throws {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else {
            throw CopilotoError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
        }
        let parts = plain.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let value = Int(parts[0]), UUID(uuidString: String(parts[1])) != nil else {
            throw CopilotoError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
        }
        sortValue = value
        id = String(parts[1])
    }
}
