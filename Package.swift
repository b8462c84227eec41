// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "copiloto",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "copiloto", targets: ["copiloto"]),
        .executable(name: "copiloto-bench", targets: ["copiloto-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
    ],
    targets: [
        .target(
            name: "CopilotoCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoActions",
            dependencies: [
                "CopilotoCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoMCP",
            dependencies: ["CopilotoCore", "CopilotoActions", .product(name: "MCP", package: "swift-sdk")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoModels",
            dependencies: [
                "CopilotoCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            resources: [.copy("Resources/prices.json")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoAgent",
            dependencies: ["CopilotoCore", "CopilotoActions", "CopilotoModels"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoInbox",
            dependencies: [
                "CopilotoCore", "CopilotoActions", "CopilotoAgent", "CopilotoModels",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoAutomations",
            dependencies: [
                "CopilotoCore", "CopilotoActions", "CopilotoModels", "CopilotoInbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoEmbeddings",
            dependencies: ["CopilotoCore"],
            // The encoder's loops are 20–50× slower unoptimised; `swift run` and the tests build debug.
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "CopilotoDemo",
            dependencies: ["CopilotoCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoStore",
            dependencies: [
                "CopilotoCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoHTTP",
            dependencies: [
                "CopilotoCore",
                "CopilotoActions",
                "CopilotoMCP",
                "CopilotoModels",
                "CopilotoAgent",
                "CopilotoStore",
                "CopilotoInbox",
                "CopilotoAutomations",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Public")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoEval",
            dependencies: [
                "CopilotoCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "copiloto",
            dependencies: [
                "CopilotoCore",
                "CopilotoEval",
                "CopilotoEmbeddings",
                "CopilotoStore",
                "CopilotoHTTP",
                "CopilotoDemo",
                "CopilotoModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "copiloto-bench",
            dependencies: [
                "CopilotoCore",
                "CopilotoStore",
                "CopilotoHTTP",
                "CopilotoTesting",
                "CopilotoDemo",
                "CopilotoActions",
                "CopilotoModels",
                "CopilotoInbox",
                "CopilotoAutomations",
                "CopilotoEmbeddings",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CopilotoTesting",
            dependencies: [
                "CopilotoCore",
                "CopilotoStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Loaded with the test bundle: caps how many tests run at once (issue #25, see parallelism.c).
        .target(name: "CopilotoTestParallelism"),
        .testTarget(
            name: "CopilotoCoreTests",
            dependencies: ["CopilotoCore", "CopilotoTestParallelism"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoInboxTests",
            dependencies: ["CopilotoCore", "CopilotoInbox", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoEmbeddingsTests",
            dependencies: ["CopilotoCore", "CopilotoEmbeddings", "CopilotoEval"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoStoreTests",
            dependencies: ["CopilotoCore", "CopilotoStore", "CopilotoTesting", "CopilotoDemo"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoActionsTests",
            dependencies: ["CopilotoCore", "CopilotoActions", "CopilotoStore", "CopilotoTesting", "CopilotoDemo"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoModelsTests",
            dependencies: ["CopilotoCore", "CopilotoModels", "CopilotoTesting", "CopilotoAgent", "CopilotoActions", "CopilotoStore", "CopilotoDemo"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoAgentTests",
            dependencies: ["CopilotoCore", "CopilotoAgent", "CopilotoActions", "CopilotoModels", "CopilotoStore", "CopilotoTesting",
                           "CopilotoDemo"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoAutomationsTests",
            dependencies: ["CopilotoCore", "CopilotoAutomations", "CopilotoStore", "CopilotoTesting", "CopilotoModels"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CopilotoHTTPTests",
            dependencies: [
                "CopilotoCore", "CopilotoStore", "CopilotoHTTP", "CopilotoTesting", "CopilotoDemo", "CopilotoModels", "CopilotoEval", "CopilotoInbox",
                "CopilotoAutomations",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
