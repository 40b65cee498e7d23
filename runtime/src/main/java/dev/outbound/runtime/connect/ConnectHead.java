package dev.outbound.runtime.connect;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.Headers;
import io.helidon.http.Http1HeadersParser;

/**
 * The head of a {@code CONNECT} request, read from the first bytes of a connection: the raw target
 * ({@code host:port}) and the headers, among them {@code Proxy-Authorization}.
 */
record ConnectHead(String target, Headers headers) {

    private static final String METHOD = "CONNECT ";
    /** Helidon's message for a header block over its limit, as its own HTTP/1 connection reports it. */
    private static final String HEADERS_TOO_LARGE = "Header size exceeded";

    /**
     * @param maxBytes the most bytes the request line, and separately the headers, may take
     * @throws BadConnectException for anything that is not a well-formed {@code CONNECT} head
     * @throws DataReader.InsufficientDataAvailableException when the client closes before the head ends
     */
    static ConnectHead read(DataReader reader, int maxBytes) {
        String target = target(requestLine(reader, maxBytes));
        try {
            return new ConnectHead(target, Http1HeadersParser.readHeaders(reader, maxBytes, true));
        } catch (IllegalStateException e) {
            if (HEADERS_TOO_LARGE.equals(e.getMessage())) {
                throw BadConnectException.headersTooLarge(maxBytes);
            }
            throw BadConnectException.malformed("malformed CONNECT headers");
        } catch (DataReader.InsufficientDataAvailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BadConnectException.malformed("malformed CONNECT headers: " + e.getMessage());
        }
    }

    private static String requestLine(DataReader reader, int maxBytes) {
        int end;
        try {
            end = reader.findNewLine(maxBytes);
        } catch (DataReader.IncorrectNewLineException e) {
            throw BadConnectException.malformed("the CONNECT line must end with CRLF");
        }
        if (end == maxBytes) {
            throw BadConnectException.malformed("the CONNECT line is longer than " + maxBytes + " bytes");
        }
        String line = reader.readAsciiString(end);
        reader.skip(2);
        return line;
    }

    /** {@code CONNECT <target> HTTP/1.1}; the target is parsed by the host normaliser later. */
    private static String target(String line) {
        int versionStart = line.lastIndexOf(' ');
        if (!line.startsWith(METHOD) || versionStart < METHOD.length()) {
            throw BadConnectException.malformed("expected CONNECT host:port HTTP/1.1");
        }
        String version = line.substring(versionStart + 1);
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw BadConnectException.malformed("unsupported HTTP version " + version);
        }
        String target = line.substring(METHOD.length(), versionStart);
        if (target.isEmpty() || target.indexOf(' ') >= 0) {
            throw BadConnectException.malformed("expected CONNECT host:port HTTP/1.1");
        }
        return target;
    }
}
