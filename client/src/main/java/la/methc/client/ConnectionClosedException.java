package la.methc.client;

import java.io.IOException;

/**
 * The connection is closed: the server closed it (a TCP connection after {@code /quit}, or a server that crashed
 * or went away), or the stream broke, or {@link OscConnection#close()} was called. Requests waiting for their reply
 * fail with it, and so does every later send.
 */
public final class ConnectionClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message) {
        super(message);
    }
}
