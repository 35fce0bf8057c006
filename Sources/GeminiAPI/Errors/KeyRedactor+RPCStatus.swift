extension KeyRedactor {
    /// The status with the key removed from its message and from every string in its details.
    func redact(_ status: RPCStatus) -> RPCStatus {
        var copy = status
        copy.message = status.message.map(redact)
        copy.status = status.status.map(redact)
        copy.rawDetails = status.rawDetails.map(redact)
        return copy
    }

    func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map(redact))
        case .object(let members):
            .object(Dictionary(uniqueKeysWithValues: members.map { (redact($0.key), redact($0.value)) }))
        default: value
        }
    }
}
