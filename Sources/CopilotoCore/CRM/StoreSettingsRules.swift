import Foundation

/// Validation of store-settings changes, shared by the REST route and `updateStoreSettings`.
public enum StoreSettingsRules {
    public static let fields: Set<String> = ["name", "currency", "timezone", "language", "businessHours"]

    /// The settings with the patch applied (null values are ignored); field errors when invalid.
    public static func apply(_ patch: JSONValue, to current: StoreSettings, now: Date) throws -> StoreSettings {
        var settings = current
        var r = FieldReader(patch, allowed: fields)
        if let name = r.string("name", max: 120) { settings.name = name }
        if let currency = r.formatted("currency", format: "ISO 4217", { text in
            text.count == 3 && text.allSatisfy(\.isLetter) ? text.uppercased() : nil
        }) { settings.currency = currency }
        if let zone = r.formatted("timezone", format: "IANA time zone", { TimeZone(identifier: $0)?.identifier }) {
            settings.timezone = zone
        }
        if let language = r.formatted("language", format: "pt-BR, en", { Language(code: $0)?.rawValue }) {
            settings.language = Language(code: language) ?? .ptBR
        }
        if let hours = r.raw("businessHours", required: false) {
            if hours.objectValue == nil { r.fail("businessHours", .wrongType, "object") } else { settings.businessHours = hours }
        }
        try r.finish()
        settings.updatedAt = now
        return settings
    }
}
