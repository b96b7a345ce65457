package la.methc.engine.internal.osc;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs what a transport refused from clients outside its {@link AllowList}, without flooding the log:
 * a warning for the first refusal of each address (up to {@value #MAX_REMEMBERED} addresses, as spoofed UDP
 * senders are unbounded), then a summary at most once per {@link #SUMMARY_PERIOD_NANOS period}, and one when the
 * transport closes. {@link #refused} runs on one network thread (the transport's); {@link #count} on any.
 */
final class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);
    static final int MAX_REMEMBERED = 1024;
    static final long SUMMARY_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String what;
    private final AtomicLong count = new AtomicLong();
    private final Set<InetAddress> seen = new HashSet<>();
    private long unreported;
    private long lastSummary = System.nanoTime();

    /** {@code what}: the thing refused, plural, e.g. "UDP datagrams". */
    Refusals(String what) {
        this.what = what;
    }

    /** The transport's network thread. One more refusal from {@code client}. */
    void refused(InetAddress client) {
        count.incrementAndGet();
        if (seen.size() < MAX_REMEMBERED && seen.add(client)) {
            LOG.warn("refused {} from {}: not in the allow-list (further ones are counted, and summarised every "
                    + "minute)", what, client.getHostAddress());
            return;
        }
        unreported++;
        long now = System.nanoTime();
        if (now - lastSummary >= SUMMARY_PERIOD_NANOS) {
            summarise();
            lastSummary = now;
        }
    }

    /** The transport's thread, as it closes (or any thread once that one has stopped). */
    void close() {
        if (unreported > 0) {
            summarise();
        }
    }

    private void summarise() {
        LOG.warn("refused {} more {} from {}{} addresses not in the allow-list ({} in all)", unreported, what,
                seen.size(), seen.size() >= MAX_REMEMBERED ? "+" : "", count.get());
        unreported = 0;
    }

    /** Refusals so far. */
    long count() {
        return count.get();
    }
}
