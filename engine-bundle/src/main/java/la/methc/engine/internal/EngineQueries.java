package la.methc.engine.internal;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import la.methc.engine.internal.osc.Client;

/**
 * The engine's state for the shell ({@code methcla:status}, {@code :tree}, {@code :defs}, {@code :resources}),
 * asked the way any client asks: each call sends OSC requests to the dispatcher as an in-process client and waits
 * for the replies, so the shell never touches RT state, and sees what a client sees (the tree RT recorded in one
 * block). NRT: any thread but RT; each call is a client of its own.
 */
public final class EngineQueries {

    /** How long a call waits for the engine's replies. */
    static final long PATIENCE_MS = 5000;
    /** Resource queries per bundle: well below what one request may cause (EventBudget.REQUEST_EVENTS). */
    static final int QUERIES_PER_BUNDLE = 4096;

    private final OscDispatcher dispatcher;
    private final int maxResources;

    EngineQueries(OscDispatcher dispatcher, int maxResources) {
        this.dispatcher = dispatcher;
        this.maxResources = maxResources;
    }

    /** The arguments of {@code /status.reply}. */
    public List<Object> status() {
        return ask(new OSCMessage("/status"), "/status.reply", 1, false).get(0);
    }

    /** The arguments of {@code /group/queryTree.reply} for the root group. */
    public List<Object> tree() {
        return ask(new OSCMessage("/group/queryTree", List.of(0)), "/group/queryTree.reply", 1, false).get(0);
    }

    /** Per bound SynthDef (sorted by URI), the arguments of its {@code /synthdef/info.reply}, or of its {@code /error}. */
    public Map<String, List<Object>> defs() {
        Map<String, List<Object>> defs = new LinkedHashMap<>();
        for (Object uri : ask(new OSCMessage("/synthdef/list"), "/synthdef/list.reply", 1, false).get(0)) {
            defs.put((String) uri, ask(new OSCMessage("/synthdef/info", List.of(uri)), "/synthdef/info.reply", 1,
                    true).get(0));
        }
        return defs;
    }

    /** The arguments of {@code /resource/info} of every slot that is not free, by id. */
    public List<List<Object>> resources() {
        List<List<Object>> live = new ArrayList<>();
        for (int first = 0; first < maxResources; first += QUERIES_PER_BUNDLE) {
            int n = Math.min(QUERIES_PER_BUNDLE, maxResources - first);
            List<OSCPacket> queries = new ArrayList<>(n);
            for (int id = first; id < first + n; id++) {
                queries.add(new OSCMessage("/resource/query", List.of(id)));
            }
            for (List<Object> info : ask(new OSCBundle(queries), "/resource/info", n, false)) {
                if (!"free".equals(info.get(2))) {
                    live.add(info);
                }
            }
        }
        return live;
    }

    /**
     * Sends {@code request} and returns the arguments of the {@code count} replies to {@code address}. An
     * {@code /error} ends the wait: with its arguments (address, id, reason) last in the list when
     * {@code errorIsAnswer}, else with an exception.
     *
     * @throws IllegalStateException when the engine refuses, or the replies do not come within {@value #PATIENCE_MS}
     *     ms
     */
    private List<List<Object>> ask(OSCPacket request, String address, int count, boolean errorIsAnswer) {
        Inbox inbox = new Inbox();
        dispatcher.onPacket(request, inbox);
        List<List<Object>> got = new ArrayList<>(count);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
        while (got.size() < count) {
            OSCMessage m;
            try {
                m = inbox.replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the engine", e);
            }
            if (m == null) {
                throw new IllegalStateException("the engine did not answer " + address + " within " + PATIENCE_MS
                        + " ms (got " + got.size() + " of " + count + ")");
            }
            if (m.getAddress().equals("/error")) {
                if (!errorIsAnswer) {
                    throw new IllegalStateException("the engine refused the request for " + address + ": "
                            + m.getArguments());
                }
                got.add(m.getArguments());
                return got;
            }
            if (m.getAddress().equals(address)) {
                got.add(m.getArguments());
            }
        }
        return got;
    }

    /** The in-process client a call's replies come to (from the notifier or a network thread). */
    private static final class Inbox implements Client {
        final LinkedBlockingQueue<OSCMessage> replies = new LinkedBlockingQueue<>();

        @Override
        public void send(OSCPacket packet) {
            if (packet instanceof OSCMessage m) {
                replies.add(m);
            }
        }

        @Override
        public int maxPacketSize() {
            return Integer.MAX_VALUE; // nothing is serialised
        }

        @Override
        public String describe() {
            return "shell";
        }
    }
}
