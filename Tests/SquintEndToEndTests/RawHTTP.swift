import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny blocking HTTP/1.1 client over a POSIX socket, so the fake server's wire bytes are checked without any
/// HTTP library in between. It runs on its own thread: blocking a Swift concurrency thread could starve the
/// in-process server that must answer it.
enum RawHTTP {
    struct Response {
        var raw: [UInt8]
        var statusLine: String
        var headers: [(name: String, value: String)]
        /// The body, de-chunked when the response was chunked.
        var body: [UInt8]
        /// The chunk payloads as written, for chunked responses.
        var chunks: [[UInt8]]
        /// False when a chunked body ended without its terminating zero-size chunk (a dropped connection).
        var complete: Bool

        var status: Int { Int(statusLine.split(separator: " ")[1]) ?? 0 }
        var bodyText: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Sends one request with `Connection: close` and reads the answer to EOF.
    /// With `stopAfter`, stops reading (and closes the socket) once the bytes so far contain that text.
    static func request(port: Int, method: String, path: String, headers: [(String, String)] = [], body: [UInt8] = [],
                     stopAfter: String? = nil) async throws -> Response
    {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body.count)\r\n\r\n"
        let bytes = Array(request.utf8) + body
        let raw: [UInt8] = try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try exchange(port: port, bytes: bytes, stopAfter: stopAfter.map { Array($0.utf8) }) }) }.start()
        }
        return try parse(raw)
    }

    /// `request`, on the calling thread (which must not be one the server needs).
    static func requestBlocking(port: Int, method: String, path: String, body: [UInt8] = []) throws -> Response {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        request += "Content-Length: \(body.count)\r\n\r\n"
        return try parse(exchange(port: port, bytes: Array(request.utf8) + body, stopAfter: nil))
    }

    private static func exchange(port: Int, bytes: [UInt8], stopAfter: [UInt8]?) throws -> [UInt8] {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        // Generous: on a loaded 2-core machine the in-process server's tasks can wait long for a thread.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed") }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure(description: "send() failed") }
            sent += n
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = errno == EAGAIN || errno == EWOULDBLOCK ? "timed out after 60 s" : String(cString: strerror(errno))
                throw Failure(description: "recv() \(reason), \(received.count) bytes in")
            }
            received += buffer[0..<n]
            if let stopAfter, received.firstRange(of: stopAfter) != nil { break }
        }
        return received
    }

    static func parse(_ raw: [UInt8]) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = raw.firstRange(of: separator) else { throw Failure(description: "no header end in \(raw.count) bytes") }
        let lines = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let headers = lines.dropFirst().map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        var response = Response(raw: raw, statusLine: lines[0], headers: headers, body: [], chunks: [], complete: true)
        let rest = Array(raw[end.upperBound...])
        guard response.header("transfer-encoding")?.lowercased() == "chunked" else {
            response.body = rest
            return response
        }
        var index = 0
        response.complete = false
        while let lineEnd = rest[index...].firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: rest[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16) else { break }
            let start = lineEnd.upperBound
            if size == 0 { response.complete = true; break }
            guard start + size + 2 <= rest.count else { break }
            let chunk = Array(rest[start..<start + size])
            response.chunks.append(chunk)
            response.body += chunk
            index = start + size + 2
        }
        return response
    }
}
