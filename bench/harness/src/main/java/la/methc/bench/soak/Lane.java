package la.methc.bench.soak;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the soak, on its own link and its own ids, alternating two lifecycles until stopped: a Resource
 * lifecycle (an AudioBuffer made, played by a looping play synth bound to it, the synth freed, the buffer freed
 * and destroyed; every 25th time also a buffer of 2^31 frames, which must be refused) and a node lifecycle (a
 * group holding a sine and a done-after synth that frees itself; then the group freed). Every step waits for
 * its reply: a reply that does not come within {@value #REPLY_MS} ms is lost, an {@code /error} is unexpected.
 * Paced to {@code ratePerMinute} lifecycles a minute.
 */
final class Lane implements Runnable {

    static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";
    static final String PLAY = "http://methc.la/plugins/play";
    static final String SINE = "http://methc.la/plugins/sine";
    static final String DONE_AFTER = "http://methc.la/plugins/done-after";
    /** Resource ids per lane, used in turn. */
    static final int RESOURCES = 8;
    /** Node ids per lane. */
    static final int NODES = 4;
    static final long REPLY_MS = 5000;
    private static final int ABSURD_EVERY = 25;
    private static final int SAMPLES = 10;

    private final OscLink link;
    private final Gate gate;
    private final int firstResource;
    private final int group;
    private final long intervalNanos;

    final AtomicLong resourceLifecycles = new AtomicLong();
    final AtomicLong nodeLifecycles = new AtomicLong();
    /** Requests refused as they must be (a buffer of 2^31 frames). */
    final AtomicLong refusals = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final List<String> problems = new CopyOnWriteArrayList<>();
    /** Between two lifecycles (or finished): the engine holds nothing of this lane. */
    volatile boolean idle;
    volatile Throwable failure;

    Lane(int index, OscLink link, Gate gate, int ratePerMinute) {
        this.link = link;
        this.gate = gate;
        this.firstResource = index * RESOURCES;
        this.group = 1 + index * NODES;
        this.intervalNanos = TimeUnit.MINUTES.toNanos(1) / ratePerMinute;
    }

    @Override
    public void run() {
        try {
            link.send("/notify", 1); // the done-after synth ends by itself: its /node/ended goes to registered clients
            if (!expect("/done", m -> m.getArguments().equals(List.of("/notify")))) {
                return;
            }
            long next = System.nanoTime();
            for (long n = 0; !gate.stopped(); n++) {
                idle = true;
                gate.pass();
                if (gate.stopped()) {
                    break;
                }
                idle = false;
                if (n % 2 == 0) {
                    resourceLifecycle(n / 2);
                } else {
                    nodeLifecycle();
                }
                idle = true;
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else {
                    next = System.nanoTime(); // behind: no burst to catch up
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = e;
            problems.add("stopped by " + e);
        } finally {
            idle = true;
        }
    }

    private void resourceLifecycle(long n) throws IOException, InterruptedException {
        int id = firstResource + (int) (n % RESOURCES);
        int player = group + 3;
        if (n % ABSURD_EVERY == 0) {
            link.send("/resource/new", AUDIO_BUFFER, id, 1, Integer.MAX_VALUE);
            if (expectNotice("/resource/error", id)) {
                refusals.incrementAndGet();
            }
        }
        int channels = 1 + (int) (n % 2);
        int frames = n % 10 == 0 ? 48_000 : 4_800;
        link.send("/resource/new", AUDIO_BUFFER, id, channels, frames);
        if (!expectNotice("/resource/ready", id)) {
            link.send("/resource/free", id);
            expectNotice("/resource/destroyed", id);
            return;
        }
        // rate 1, loop 1: it plays until freed
        link.sendBundle(new OSCMessage("/synth/new", List.of(PLAY, player, 0, 1, List.of(1f, 1f), List.of(id))),
                new OSCMessage("/synth/activate", List.of(player)));
        link.send("/resource/query", id);
        expect("/resource/info", m -> m.getArguments().equals(List.of(id, AUDIO_BUFFER, "live", 1)));
        link.send("/node/free", player);
        expectNotice("/node/ended", player);
        link.send("/resource/free", id);
        if (expectNotice("/resource/destroyed", id)) {
            resourceLifecycles.incrementAndGet();
        }
    }

    private void nodeLifecycle() throws IOException, InterruptedException {
        int sine = group + 1;
        int done = group + 2;
        link.sendBundle(new OSCMessage("/group/new", List.of(group, 0, 1)),
                new OSCMessage("/synth/new", List.of(SINE, sine, group, 1, List.of(440f, 0.05f), List.of())),
                new OSCMessage("/synth/activate", List.of(sine)),
                new OSCMessage("/synth/new", List.of(DONE_AFTER, done, group, 1, List.of(), List.of(0.005f))),
                new OSCMessage("/synth/property/doneFlags/set", List.of(done, 1)),
                new OSCMessage("/synth/activate", List.of(done)));
        expectNotice("/node/ended", done);
        link.send("/node/free", group);
        Set<Integer> ended = new HashSet<>();
        boolean ok = expect("/node/ended", m -> {
            if (m.getArguments().get(0) instanceof Integer id && (id == group || id == sine)) {
                ended.add(id);
            }
            return ended.size() == 2;
        });
        if (ok) {
            nodeLifecycles.incrementAndGet();
        }
    }

    /** Waits for {@code address} with first argument {@code id}. */
    private boolean expectNotice(String address, int id) throws InterruptedException {
        return expect(address, m -> !m.getArguments().isEmpty() && Integer.valueOf(id).equals(m.getArguments().get(0)));
    }

    /**
     * Waits for a message at {@code address} that {@code wanted} accepts; ignores what other lanes' ids caused.
     * An {@code /error} (to this lane: errors are replies) or a {@code /resource/error} of this lane's ids
     * instead is unexpected; nothing within {@value #REPLY_MS} ms is a lost reply.
     */
    private boolean expect(String address, java.util.function.Predicate<OSCMessage> wanted) throws InterruptedException {
        boolean[] matched = new boolean[1];
        OSCMessage m = link.await(x -> {
            if (x.getAddress().equals("/error") || x.getAddress().equals("/resource/error") && mine(x)
                    && !address.equals("/resource/error")) {
                return true;
            }
            if (x.getAddress().equals(address) && wanted.test(x)) {
                matched[0] = true;
                return true;
            }
            return false;
        }, REPLY_MS);
        if (m == null) {
            lost.incrementAndGet();
            problem("lost: no " + address + " within " + REPLY_MS + " ms");
            return false;
        }
        if (!matched[0]) {
            errors.incrementAndGet();
            problem("unexpected " + m.getAddress() + " " + m.getArguments() + " while waiting for " + address);
            return false;
        }
        return true;
    }

    private boolean mine(OSCMessage m) {
        return !m.getArguments().isEmpty() && m.getArguments().get(0) instanceof Integer id && id >= firstResource
                && id < firstResource + RESOURCES;
    }

    private void problem(String p) {
        if (problems.size() < SAMPLES) {
            problems.add(link.name + ": " + p);
        }
    }
}
