import Foundation
import Testing
@testable import SquintCore

@Suite struct ConfigurationAPIKeyTests {
    @Test func googleKeyWinsAndBothSetWarns() throws {
        let both = try APIKeyResolver.resolve(environment: ["GOOGLE_API_KEY": "g", "GEMINI_API_KEY": "m"], keyFile: nil, configPath: "c")
        #expect(both.key.value == "g")
        #expect(both.warnings == ["both GOOGLE_API_KEY and GEMINI_API_KEY are set; using GOOGLE_API_KEY"])
        let gemini = try APIKeyResolver.resolve(environment: ["GEMINI_API_KEY": " m\n", "GOOGLE_API_KEY": ""], keyFile: nil, configPath: "c")
        #expect(gemini.key.value == "m")
        #expect(gemini.key.source == "GEMINI_API_KEY")
        #expect(gemini.warnings.isEmpty)
    }

    @Test func keyDescriptionNeverShowsTheKey() throws {
        let key = APIKey(value: "AIzaSECRET", source: "GOOGLE_API_KEY")
        #expect(!"\(key)".contains("SECRET"))
        #expect(!String(reflecting: key).contains("SECRET"))
    }

    @Test func environmentBeatsTheFile() throws {
        let folder = try ConfigTestFolder()
        let file = try folder.write("from-file\n", to: "key")
        let resolution = try APIKeyResolver.resolve(environment: ["GEMINI_API_KEY": "env"], keyFile: file, configPath: "c")
        #expect(resolution.key.value == "env")
    }

    @Test func readsAPrivateKeyFile() throws {
        let folder = try ConfigTestFolder()
        let file = try folder.write("  from-file\n", to: "key", mode: 0o600)
        let resolution = try APIKeyResolver.resolve(environment: [:], keyFile: file, configPath: "c")
        #expect(resolution.key.value == "from-file")
        #expect(resolution.key.source == file)
    }

    @Test(arguments: [0o640, 0o604, 0o644, 0o660])
    func refusesAKeyFileOthersCanRead(mode: Int) throws {
        let folder = try ConfigTestFolder()
        let file = try folder.write("k", to: "key", mode: mode)
        let error = try #require(throws: ConfigurationError.self) {
            try APIKeyResolver.resolve(environment: [:], keyFile: file, configPath: "c")
        }
        #expect(error.description == "API key file \(file) is readable by group or others; run chmod 600 \(file)")
    }

    @Test func missingEmptyAndAbsentKeys() throws {
        let folder = try ConfigTestFolder()
        let empty = try folder.write("\n", to: "empty")
        #expect(throws: ConfigurationError.self) { try APIKeyResolver.resolve(environment: [:], keyFile: empty, configPath: "c") }
        #expect(throws: ConfigurationError.self) {
            try APIKeyResolver.resolve(environment: [:], keyFile: folder.path + "/none", configPath: "c")
        }
        let none = try #require(throws: ConfigurationError.self) {
            try APIKeyResolver.resolve(environment: [:], keyFile: nil, configPath: "/c/config.toml")
        }
        #expect(none.isMissingAPIKey)
        #expect(none.description.contains("GOOGLE_API_KEY"))
        #expect(none.description.contains("/c/config.toml"))
    }

    @Test func baseURLPrecedence() throws {
        var config = SquintConfiguration()
        #expect(try BaseURLResolver.resolve(flag: nil, environment: [:], configuration: config) == "https://generativelanguage.googleapis.com")
        config.baseURL = "http://config"
        #expect(try BaseURLResolver.resolve(flag: nil, environment: [:], configuration: config) == "http://config")
        let env = ["GOOGLE_GEMINI_BASE_URL": "http://env/"]
        #expect(try BaseURLResolver.resolve(flag: nil, environment: env, configuration: config) == "http://env")
        #expect(try BaseURLResolver.resolve(flag: "https://flag//", environment: env, configuration: config) == "https://flag")
        let error = try #require(throws: ConfigurationError.self) {
            try BaseURLResolver.resolve(flag: "localhost:8080", environment: [:], configuration: config)
        }
        #expect(error.description.hasPrefix("--base-url must be"))
    }
}
