extension AppState {
    /// The last error's whole text (nil when there is none); setting it replaces the report with a plain one.
    public var error: String? {
        get { errorReport?.message }
        set { errorReport = newValue.map { ErrorReport(message: $0) } }
    }
}
