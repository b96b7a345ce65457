package la.methc.engine.internal.osc;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the replies that left the engine's hands but not the machine: a UDP send the OS refused, a packet to a
 * TCP connection that was closed (or dropped for not reading). Each loss is logged with the count so far. Process-wide
 * (the distribution runs one engine per process). Any thread.
 */
public final class ReplyLosses {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyLosses.class);
    private static final AtomicLong UDP = new AtomicLong();
    private static final AtomicLong TCP = new AtomicLong();

    private ReplyLosses() {
    }

    /** A reply to {@code peer} over UDP was not sent; {@code quiet}: the socket is closing, log at debug level. */
    static void udp(String peer, Throwable why, boolean quiet) {
        log(UDP.incrementAndGet(), "UDP", peer, why, quiet);
    }

    /** A reply to {@code peer} over TCP was not sent. */
    static void tcp(String peer, Throwable why, boolean quiet) {
        log(TCP.incrementAndGet(), "TCP", peer, why, quiet);
    }

    private static void log(long count, String transport, String peer, Throwable why, boolean quiet) {
        if (quiet) {
            LOG.debug("reply to {} lost ({} lost over {} so far): {}", peer, count, transport, why.toString());
        } else {
            LOG.warn("reply to {} lost ({} lost over {} so far): {}", peer, count, transport, why.toString());
        }
    }

    /** Replies lost over UDP since the process started. */
    public static long udp() {
        return UDP.get();
    }

    /** Replies lost over TCP since the process started. */
    public static long tcp() {
        return TCP.get();
    }
}
