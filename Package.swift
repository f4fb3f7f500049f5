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
        .target(name: "PaperQL"),
        .target(name: "PaperQLBatch", dependencies: ["PaperQL"]),
        .executableTarget(
            name: "paperql",
            dependencies: [
                "PaperQL",
                "PaperQLBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PaperQLTests", dependencies: ["PaperQL"], exclude: ["Cases"]),
    ]
)
