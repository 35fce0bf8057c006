import SquintCore

/// Help strings more than one command uses, worded once so `--help` describes the same default the same way
/// everywhere.
enum HelpText {
    static let model = "Model to ask (default: model in the config file, else \(SquintConfiguration.defaultModel))."

    /// The root command's discussion: environment and examples.
    static let root = """
        With no subcommand, squint opens the TUI on DIR (default: the current folder).

        ENVIRONMENT
          GEMINI_API_KEY, GOOGLE_API_KEY  the API key (or api_key_file in the config)
          GOOGLE_GEMINI_BASE_URL          API origin: a proxy or gateway (--base-url)
          XDG_CONFIG_HOME                 config: ~/.config/squint/config.toml
          XDG_DATA_HOME                   store: ~/.local/share/squint/squint.db
          SQUINT_LOG                      log level (trace … critical), to stderr
          NO_COLOR                        no colours in the TUI or text pictures

        EXAMPLES
          squint ~/photos                     browse; i asks, d detects, ? helps
          squint ask cat.jpg -p "Breed?"      stream an answer to stdout
          squint detect shelf.jpg -p bottles --json
          squint segment kitchen.jpg --out annotated.png

        Data goes to stdout, everything else to stderr. squint --version prints
        the version; squint doctor what a bug report needs.
        """
}
