// swift-tools-version: 6.0
// Squint: a keyboard-driven terminal image inspector with Gemini spatial understanding.
//
// Dependencies point one way: squint → SquintTUI → SquintCore → (GeminiAPI, Imaging);
// SquintTUI → TerminalGraphics → Imaging. Nothing below SquintTUI knows about curses.
import PackageDescription

/// A system library found through pkg-config, with the Debian and Homebrew package that provides it.
func systemLibrary(_ name: String, pkgConfig: String, apt: String, brew: String) -> Target {
    .systemLibrary(name: name, pkgConfig: pkgConfig, providers: [.apt([apt]), .brew([brew])])
}

/// libheif's header. On Linux nothing links libheif (CHeifLoader opens it when a HEIF first comes along, sparing
/// every start its codecs' initialisers), so no pkg-config, whose flags would link it: the header is in
/// /usr/include. Elsewhere pkg-config finds the header and links the library.
#if os(Linux)
let heifHeaders: Target = .systemLibrary(name: "CHeif", providers: [.apt(["libheif-dev"])])
#else
let heifHeaders = systemLibrary("CHeif", pkgConfig: "libheif", apt: "libheif-dev", brew: "libheif")
#endif

let package = Package(
    name: "squint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "squint", targets: ["squint"]),
        .library(name: "GeminiAPI", targets: ["GeminiAPI"]),
        .library(name: "Imaging", targets: ["Imaging"]),
        .library(name: "TerminalGraphics", targets: ["TerminalGraphics"]),
        .library(name: "SquintCore", targets: ["SquintCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C libraries from the system package manager.
        systemLibrary("CNcursesw", pkgConfig: "ncursesw", apt: "libncursesw5-dev", brew: "ncurses"),
        systemLibrary("CChafa", pkgConfig: "chafa", apt: "libchafa-dev", brew: "chafa"),
        systemLibrary("CTurboJPEG", pkgConfig: "libturbojpeg", apt: "libturbojpeg0-dev", brew: "jpeg-turbo"),
        systemLibrary("CLibJPEG", pkgConfig: "libjpeg", apt: "libjpeg-dev", brew: "jpeg-turbo"),
        systemLibrary("CPNG", pkgConfig: "libpng", apt: "libpng-dev", brew: "libpng"),
        systemLibrary("CWebP", pkgConfig: "libwebp", apt: "libwebp-dev", brew: "webp"),
        // zlib for kitty's compressed raw pixels (`o=z`).
        systemLibrary("CZlib", pkgConfig: "zlib", apt: "zlib1g-dev", brew: "zlib"),
        heifHeaders,
        // giflib ships no pkg-config file (Debian, Homebrew): its header is found on the default search path.
        .systemLibrary(name: "CGif", providers: [.apt(["libgif-dev"]), .brew(["giflib"])]),
        // libheif, opened on first use on Linux (see heif_loader.h).
        .target(name: "CHeifLoader", dependencies: ["CHeif"], linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),

        // The Gemini REST client: wire models, transport, SSE, Files API, errors, retries. No UI, no imaging.
        .target(
            name: "GeminiAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libjpeg's scanline API behind a setjmp-safe C interface: JPEG rows while the rest still decodes.
        .target(name: "CJPEGScanlines", dependencies: ["CLibJPEG"]),
        // Decoding, orientation, resampling, overlays, PNG encoding.
        .target(name: "Imaging", dependencies: ["CTurboJPEG", "CLibJPEG", "CJPEGScanlines", "CPNG", "CWebP", "CHeif", "CHeifLoader", "CGif"]),
        // Terminal capability probe and image renderers (kitty, sixel, iTerm2, symbols, ASCII).
        .target(name: "TerminalGraphics", dependencies: ["Imaging", "CChafa", "CZlib"]),
        // The shared client core: asking about images, spatial parsing, the store, exports, configuration.
        .target(
            name: "SquintCore",
            dependencies: [
                "GeminiAPI", "Imaging",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The ncurses application.
        .target(
            name: "SquintTUI",
            dependencies: ["SquintCore", "TerminalGraphics", "CNcursesw", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The commit the binary was built from (`make release` defines it).
        .target(name: "CBuildInfo"),
        // The executable: thin argument-parser commands over SquintCore and SquintTUI.
        .executableTarget(
            name: "squint",
            dependencies: [
                "SquintTUI", "SquintCore", "TerminalGraphics", "Imaging", "GeminiAPI", "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The shared test corpus, found one way for every test target.
        .target(name: "TestCorpus", path: "Tests/TestCorpus"),
        // An in-process fake Gemini server speaking the real wire format on 127.0.0.1 (tests and benchmarks only).
        .target(
            name: "GeminiTestServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // `make bench`: figures printed side by side with chafa and djpeg.
        .executableTarget(
            name: "squint-bench",
            dependencies: ["Imaging", "TerminalGraphics", "SquintCore", "SquintTUI", "GeminiTestServer"],
            path: "Benchmarks"
        ),

        .testTarget(name: "GeminiAPITests", dependencies: ["TestCorpus", "GeminiAPI", "GeminiTestServer"]),
        // The HEIF tests write HEIF files with libheif's encoder, so they link it.
        .testTarget(name: "ImagingTests", dependencies: ["TestCorpus", "Imaging", "CHeif"], exclude: ["Fixtures"], linkerSettings: [.linkedLibrary("heif")]),
        .testTarget(name: "TerminalGraphicsTests", dependencies: ["TestCorpus", "TerminalGraphics", "Imaging", "CZlib"]),
        .testTarget(name: "SquintCoreTests", dependencies: ["TestCorpus", "SquintCore", "GeminiTestServer"], exclude: ["Fixtures"]),
        .testTarget(name: "SquintTUITests", dependencies: ["TestCorpus", "SquintCore", "SquintTUI"]),
        .testTarget(
            name: "SquintEndToEndTests",
            dependencies: ["TestCorpus", "squint", "GeminiTestServer", "Imaging", "SquintCore", "SquintTUI", "TerminalGraphics"]
        ),
    ]
)
