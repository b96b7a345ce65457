package la.methc.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import com.illposed.osc.OSCMessage;

/**
 * Figures a–c: round trips over UDP loopback, each send at a random block phase ({@link Pacer}), after
 * warm-up rounds that are not counted, then in {@code rounds} measured rounds one after the other; each
 * figure is the median of the rounds' percentiles ({@link Samples#medianOfRounds}), and the note lists each
 * round's p99.
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
    private final int rounds;
    private final Pacer pacer = new Pacer(5);

    /** {@code rounds} measured rounds of each figure's samples. */
    RoundTrips(Session s, Results results, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be positive: " + rounds);
        }
        this.s = s;
        this.results = results;
        this.rounds = rounds;
    }

    /** {@code samples} round trips in each round, after {@code warmup} not counted. */
    void sync(int samples, int warmup) throws IOException {
        List<Samples> t = rounds(samples);
        for (int i = -warmup; i < samples * rounds; i++) {
            OSCMessage m = Osc.msg("/sync", 100_000 + i);
            pacer.pause();
            long t0 = System.nanoTime();
            s.client.send(m);
            s.client.await(Reply.of("/synced", 100_000 + i), TIMEOUT_MS);
            if (i >= 0) {
                t.get(i / samples).add(System.nanoTime() - t0);
            }
        }
        put("sync", t);
    }

    void buffers(int samples, int warmup) throws IOException {
        List<Samples> alloc = rounds(samples);
        List<Samples> free = rounds(samples);
        for (int i = -warmup; i < samples * rounds; i++) {
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
                alloc.get(i / samples).add(t1 - t0);
                free.get(i / samples).add(System.nanoTime() - t2);
            }
            failOnErrors("buffer round trips");
        }
        put("buffer.alloc", alloc);
        put("buffer.free", free);
    }

    void nodes(int samples, int warmup) throws IOException {
        List<Samples> create = rounds(samples);
        List<Samples> free = rounds(samples);
        for (int i = -warmup; i < samples * rounds; i++) {
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
                create.get(i / samples).add(t1 - t0);
                free.get(i / samples).add(System.nanoTime() - t2);
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

    private List<Samples> rounds(int samples) {
        List<Samples> r = new ArrayList<>();
        for (int k = 0; k < rounds; k++) {
            r.add(new Samples(samples));
        }
        return r;
    }

    private void put(String key, List<Samples> t) {
        String note = rounds == 1 ? t.get(0).count() + " samples"
                : String.format(Locale.ROOT, "median of %d rounds of %d samples; p99 per round: %s", rounds,
                        t.get(0).count(), t.stream().map(r -> String.format(Locale.ROOT, "%.3f", r.quantile(0.99)))
                                .collect(Collectors.joining(", ")));
        results.put(key + ".p50", Samples.medianOfRounds(t, 0.5), note);
        results.put(key + ".p99", Samples.medianOfRounds(t, 0.99), note);
    }
}
