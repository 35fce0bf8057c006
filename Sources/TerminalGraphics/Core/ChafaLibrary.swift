import CChafa

/// libchafa's version, for `squint --version`.
public enum ChafaLibrary {
    public static var version: String { "\(CHAFA_MAJOR_VERSION).\(CHAFA_MINOR_VERSION).\(CHAFA_MICRO_VERSION)" }
}
