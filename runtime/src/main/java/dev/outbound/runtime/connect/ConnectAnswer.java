package dev.outbound.runtime.connect;

import dev.outbound.OutboundResponse;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;

/** The proxy's own answers to a {@code CONNECT}, written on the connection before any tunnel exists. */
final class ConnectAnswer {

    private static final byte[] ESTABLISHED =
            "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private ConnectAnswer() {
    }

    /** The {@code 200} after which the connection is a tunnel. */
    static void established(DataWriter writer) {
        writer.writeNow(BufferData.create(ESTABLISHED));
    }

    /** A refusal; the connection closes after it, as nothing the client sends next can be a request. */
    static void refusal(OutboundResponse answer, DataWriter writer) {
        byte[] body = answer.bytes();
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(' ')
                .append(Status.create(answer.status()).reasonPhrase()).append("\r\n");
        answer.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        writer.writeNow(BufferData.create(BufferData.create(head.toString().getBytes(StandardCharsets.US_ASCII)),
                BufferData.create(body)));
    }
}
