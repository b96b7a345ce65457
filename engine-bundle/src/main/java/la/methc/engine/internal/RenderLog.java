package la.methc.engine.internal;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.osc.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of an offline render: a score has nobody to answer, so replies go to the log. It counts the
 * {@code /error}s and {@code /resource/error}s the score caused and keeps the first {@value #SHOWN}, so that the
 * render can say it failed. Called from the render thread (errors found at dispatch) and the notifier, never in
 * a block's steady state: an error path, free to allocate and lock.
 */
final class RenderLog implements Client {

    /** How many errors the summary lists; the count covers them all. */
    static final int SHOWN = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RenderLog.class);

    private final List<String> first = new ArrayList<>();
    private int errors;

    @Override
    public void send(OSCPacket packet) {
        if (!(packet instanceof OSCMessage m)) {
            return;
        }
        String address = m.getAddress();
        if (address.equals("/error") || address.equals("/resource/error")) {
            error(describe(m));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("score: {} {}", address, m.getArguments());
        }
    }

    private synchronized void error(String text) {
        errors++;
        if (first.size() < SHOWN) {
            first.add(text);
        }
        // each at debug only: the render lists them at its end (summary)
        LOG.debug("score: {}", text);
    }

    /** Errors so far. */
    synchronized int errors() {
        return errors;
    }

    /**
     * What the score caused: null when no error, else a line with the count, then one line for each of the
     * first errors (address, id, reason).
     */
    synchronized String summary() {
        if (errors == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder("methcla render: the score caused ").append(errors)
                .append(errors == 1 ? " error" : " errors");
        if (errors > first.size()) {
            b.append(", the first ").append(first.size()).append(':');
        } else {
            b.append(':');
        }
        for (String e : first) {
            b.append("\n  ").append(e);
        }
        return b.toString();
    }

    /** As the {@code bin/methcla osc} client prints it: the address, then each argument, strings quoted. */
    private static String describe(OSCMessage m) {
        StringBuilder b = new StringBuilder(m.getAddress());
        for (Object a : m.getArguments()) {
            b.append(' ');
            if (a instanceof CharSequence) {
                b.append('"').append(a).append('"');
            } else {
                b.append(a);
            }
        }
        return b.toString();
    }

    @Override
    public String describe() {
        return "score";
    }
}
