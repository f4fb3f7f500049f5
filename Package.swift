// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PaperQL",
    products: [
        .library(name: "PaperQL", targets: ["PaperQL"]),
        .executable(name: "paperql", targets: ["paperql"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CPrefetch"),
        .target(name: "PaperQL", dependencies: ["CMalloc", "CPrefetch"]),
        .target(name: "PaperQLBatch", dependencies: ["PaperQL"]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "PaperQLREPL", dependencies: ["PaperQL", "PaperQLBatch", "CEditLine"]),
        .target(name: "PaperQLLSP", dependencies: ["PaperQL"]),
        .executableTarget(
            name: "paperql",
            dependencies: [
                "PaperQL",
                "PaperQLBatch",
                "PaperQLREPL",
                "PaperQLLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "paperql-bench", dependencies: ["PaperQL", "PaperQLBatch"], path: "Sources/paperql-bench"),
        .executableTarget(name: "EmbeddingExample", dependencies: ["PaperQL"], path: "Examples/Embedding",
                          exclude: ["expected-output.txt"]),
        .testTarget(name: "PaperQLTests", dependencies: ["PaperQL", "PaperQLLSP"], exclude: ["Cases", "Golden", "Fixtures"]),
    ]
)
