package la.methc.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import com.illposed.osc.OSCMessage;

/**
 * Figures a–c: round trips over UDP loopback, each send at a random block phase ({@link Pacer}), after
 * warm-up rounds that are not counted.
 * <ul>
 * <li>{@code /sync i:n} → {@code /synced i:n};</li>
 * <li>buffer allocation (1 channel × 48,000 frames) → its ready reply, then its free → its freed reply;</li>
 * <li>node creation: the server's commands for a playing sine (scsynth {@code /s_new}; Methcla/J
 * {@code /synth/new}, {@code /synth/map/output}, {@code /synth/activate}) and {@code /sync}, in one
 * immediate bundle → {@code /synced}; node free: {@code /n_free} → {@code /n_end} vs {@code /node/free} →
 * {@code /node/ended}.</li>
 * </ul>
 */
final class RoundTrips {

    static final int FRAMES = 48000;
    private static final long TIMEOUT_MS = 2000;
    private static final int BUFFER_ID = 7;
    private static final int FIRST_NODE = 1000;

    private final Session s;
    private final Results results;
    private final Pacer pacer = new Pacer(5);

    RoundTrips(Session s, Results results) {
        this.s = s;
        this.results = results;
    }

    void sync(int samples, int warmup) throws IOException {
        Samples t = new Samples(samples);
        for (int i = -warmup; i < samples; i++) {
            OSCMessage m = Osc.msg("/sync", 100_000 + i);
            pacer.pause();
            long t0 = System.nanoTime();
            s.client.send(m);
            s.client.await(Reply.of("/synced", 100_000 + i), TIMEOUT_MS);
            if (i >= 0) {
                t.add(System.nanoTime() - t0);
            }
        }
        put("sync", t);
    }

    void buffers(int samples, int warmup) throws IOException {
        Samples alloc = new Samples(samples);
        Samples free = new Samples(samples);
        for (int i = -warmup; i < samples; i++) {
            List<OSCMessage> create = s.server.newBuffer(BUFFER_ID, FRAMES);
            pacer.pause();
            long t0 = System.nanoTime();
            send(create);
            s.client.await(s.server.bufferReady(BUFFER_ID), TIMEOUT_MS);
            long t1 = System.nanoTime();
            pacer.pause();
            long t2 = System.nanoTime();
            s.client.send(s.server.freeBuffer(BUFFER_ID));
            s.client.await(s.server.bufferFreed(BUFFER_ID), TIMEOUT_MS);
            if (i >= 0) {
                alloc.add(t1 - t0);
                free.add(System.nanoTime() - t2);
            }
            failOnErrors("buffer round trips");
        }
        put("buffer.alloc", alloc);
        put("buffer.free", free);
    }

    void nodes(int samples, int warmup) throws IOException {
        Samples create = new Samples(samples);
        Samples free = new Samples(samples);
        for (int i = -warmup; i < samples; i++) {
            int id = FIRST_NODE + Math.floorMod(i, 1000);
            int sync = 200_000 + i;
            List<OSCMessage> bundle = new ArrayList<>(s.server.newSine(id, 440f, 0.01f));
            bundle.add(Osc.msg("/sync", sync));
            pacer.pause();
            long t0 = System.nanoTime();
            s.client.send(Osc.now(bundle));
            s.client.await(Reply.of("/synced", sync), TIMEOUT_MS);
            long t1 = System.nanoTime();
            pacer.pause();
            long t2 = System.nanoTime();
            s.client.send(s.server.freeNode(id));
            s.client.await(s.server.nodeEnded(id), TIMEOUT_MS);
            if (i >= 0) {
                create.add(t1 - t0);
                free.add(System.nanoTime() - t2);
            }
            failOnErrors("node round trips");
        }
        put("node.new", create);
        put("node.free", free);
    }

    private void send(List<OSCMessage> messages) throws IOException {
        s.client.send(messages.size() == 1 ? messages.get(0) : Osc.now(messages));
    }

    private void failOnErrors(String what) throws IOException {
        List<OSCMessage> errors = s.client.takeErrors();
        if (!errors.isEmpty()) {
            throw new IOException(s.server.name() + " refused " + what + ": " + OscClient.describe(errors));
        }
    }

    private void put(String key, Samples t) {
        String note = t.count() + " samples";
        results.put(key + ".p50", t.quantile(0.5), note);
        results.put(key + ".p99", t.quantile(0.99), note);
    }
}
