package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import la.methc.osc.OscCodec;
import la.methc.osc.TcpFraming;

/**
 * Figure g: nothing lost under a flood of requests, over TCP. Buffer {@value #QUERIED} (1 channel × 48,000 frames)
 * is allocated first, so that every query finds it live; each query is {@code /resource/query i:9} (answered
 * {@code /resource/info i:9 …}) vs {@code /b_query 9} ({@code /b_info 9 …}).
 * <ul>
 * <li><em>Bursts</em>: for each size, {@code trials} times, a new TCP connection sends ONE immediate bundle of
 * that many queries, then {@code /sync i:n} in a packet of its own; the client decodes every reply as it comes
 * (as client libraries do: sclang, python-osc, JavaOSC), and counts them until {@code /synced n} comes, the server
 * closes the connection, or nothing comes for {@value #IDLE_MS} ms. The figure is the share answered over the
 * trials (1.00: every query); the note gives each trial's count and whether its {@code /synced} came. Trials,
 * because a loss that depends on how the threads of client and server happen to run does not show every
 * time.</li>
 * <li><em>Sustained</em>: one connection sends queries, each a packet of its own, as fast as they are answered,
 * with at most {@code window} unanswered at any time, for {@code seconds}; then {@code /sync}. The client counts
 * the answers from their bytes ({@link OscPeek}), so that the rate is the server's, not the client's decoding.
 * Figures: the answers per second within those seconds, and the queries lost (sent − answered once
 * {@code /synced} came or nothing came for {@value #IDLE_MS} ms). A server that loses replies shrinks the window for good; once nothing
 * has been answered for {@value #STALL_MS} ms with the window full, the run ends early and says so.</li>
 * </ul>
 */
final class Flood {

    static final int[] SIZES = {1_000, 6_000, 20_000};
    static final int QUERIED = 9;
    static final int WINDOW = 1_000;
    static final int TRIALS = 3;
    static final long IDLE_MS = 5_000;
    static final long STALL_MS = 2_000;
    /** The longest wait for one flood's replies, whatever comes. */
    private static final long CAP_MS = 120_000;
    private static final int FRAMES = 48_000;

    /** One bundle of {@code sent} queries and what came back. */
    record Burst(int sent, long answered, boolean synced, double syncMs, long afterSync, int bytes,
            List<OSCMessage> errors, String ended) {
        double share() {
            return FloodTally.share(answered, sent);
        }

        String note() {
            StringBuilder b = new StringBuilder(FloodTally.count(answered));
            b.append(synced ? String.format(Locale.ROOT, " (/synced after %.0f ms", syncMs)
                    : " (/synced never came");
            if (afterSync > 0) {
                b.append("; ").append(FloodTally.count(afterSync)).append(" answers after /synced");
            }
            if (!errors.isEmpty()) {
                b.append("; refused: ").append(OscClient.describe(errors));
            }
            if (ended != null) {
                b.append("; ").append(ended);
            }
            return b.append(')').toString();
        }
    }

    /** The trials of one size. */
    record Bursts(List<Burst> trials) {
        double share() {
            long sent = 0;
            long answered = 0;
            for (Burst b : trials) {
                sent += b.sent();
                answered += b.answered();
            }
            return FloodTally.share(answered, sent);
        }

        String note() {
            Burst first = trials.get(0);
            long synced = trials.stream().filter(Burst::synced).count();
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%d trials of %s queries in one bundle of %s bytes, /synced in %d; answered: ", trials.size(),
                    FloodTally.count(first.sent()), FloodTally.count(first.bytes()), synced));
            for (int k = 0; k < trials.size(); k++) {
                b.append(k == 0 ? "" : ", ").append(trials.get(k).note());
            }
            return b.toString();
        }
    }

    /** The sustained run: {@code answeredInWindow} of the answers came within {@code seconds}. */
    record Sustained(int window, long sent, long answeredInWindow, long answered, double seconds, boolean synced,
            String stalled, List<OSCMessage> errors, String ended) {
        double rate() {
            return seconds <= 0 ? 0 : answeredInWindow / seconds;
        }

        long lost() {
            return FloodTally.lost(sent, answered);
        }

        String note() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%.1f s, at most %s in flight: %s sent, %s answered in the window, %s in all; %s", seconds,
                    FloodTally.count(window), FloodTally.count(sent), FloodTally.count(answeredInWindow),
                    FloodTally.count(answered), synced ? "/synced came" : "/synced never came"));
            if (stalled != null) {
                b.append("; ").append(stalled);
            }
            if (!errors.isEmpty()) {
                b.append("; refused: ").append(OscClient.describe(errors));
            }
            if (ended != null) {
                b.append("; ").append(ended);
            }
            return b.toString();
        }
    }

    private final Session s;
    private final Results results;
    private int syncs = 900_000;

    /** {@code s}: a UDP session with the server (connected), for setting up; the floods go over TCP to its port. */
    Flood(Session s, Results results) {
        this.s = s;
        this.results = results;
    }

    void run(int[] sizes, int trials, double seconds, int window) throws IOException, InterruptedException {
        List<OSCMessage> alloc = s.server.newBuffer(QUERIED, FRAMES);
        s.client.send(alloc.size() == 1 ? alloc.get(0) : Osc.now(alloc));
        s.client.await(s.server.bufferReady(QUERIED), 5000);
        try {
            for (int n : sizes) {
                List<Burst> done = new ArrayList<>();
                for (int k = 0; k < trials; k++) {
                    done.add(burst(n, true));
                    System.out.println("    " + done.get(k).note());
                    Thread.sleep(500);
                }
                Bursts b = new Bursts(done);
                results.put("flood.burst." + n, b.share(), b.note());
            }
            Sustained r = sustained(seconds, window);
            results.put("flood.rate", r.rate(), r.note());
            results.put("flood.lost", r.lost(), r.note());
        } finally {
            try {
                s.client.send(s.server.freeBuffer(QUERIED));
                s.client.await(s.server.bufferFreed(QUERIED), 5000);
            } catch (IOException e) {
                System.out.println("  the queried buffer was not freed: " + e.getMessage());
            }
        }
    }

    /**
     * One bundle of {@code n} queries on a new connection. {@code decoding}: the client decodes every reply, as a
     * client library does; otherwise it counts the answers from their bytes, the fastest a client reads.
     */
    Burst burst(int n, boolean decoding) throws IOException, InterruptedException {
        byte[] bundle = bundle(OscCodec.toBytes(s.server.queryBuffer(QUERIED)), n);
        int sync = ++syncs;
        FloodTally tally = new FloodTally(s.server.bufferInfo(QUERIED), s.server::isError, null);
        tally.expectSync(sync);
        System.out.printf("  one bundle of %s queries (%s bytes), then /sync %d; the client %s%n",
                FloodTally.count(n), FloodTally.count(bundle.length), sync,
                decoding ? "decodes every reply" : "counts the answers from their bytes");
        try (TcpOscClient tcp = new TcpOscClient(s.port, tally, decoding ? null : tally)) {
            long t0 = System.nanoTime();
            String failed = null;
            try {
                tcp.send(bundle);
                tcp.send(Osc.msg("/sync", sync));
            } catch (IOException e) {
                failed = "sending failed: " + e.getMessage();
            }
            long sent = System.nanoTime();
            await(tally, tcp, sent);
            String ended = failed != null ? failed : tcp.ended();
            return new Burst(n, tally.answered(), tally.synced(), (tally.syncNanos() - t0) / 1e6, tally.afterSync(),
                    bundle.length, tally.errors(), ended);
        }
    }

    Sustained sustained(double seconds, int window) throws IOException, InterruptedException {
        Semaphore room = new Semaphore(window);
        FloodTally tally = new FloodTally(s.server.bufferInfo(QUERIED), s.server::isError, room::release);
        byte[] one = TcpFraming.frame(OscCodec.encode(s.server.queryBuffer(QUERIED)));
        byte[] many = new byte[one.length * window];
        for (int k = 0; k < window; k++) {
            System.arraycopy(one, 0, many, k * one.length, one.length);
        }
        System.out.printf("  queries for %.1f s, at most %s unanswered%n", seconds, FloodTally.count(window));
        try (TcpOscClient tcp = new TcpOscClient(s.port, tally, tally)) {
            long sent = 0;
            String stalled = null;
            String failed = null;
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            long now;
            while ((now = System.nanoTime()) < end && tcp.ended() == null) {
                if (!room.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    if (now - Math.max(t0, tally.lastNanos()) > STALL_MS * 1_000_000L) {
                        stalled = String.format(Locale.ROOT, "the window stalled after %.1f s: %s queries unanswered "
                                + "for %d s", (now - t0) / 1e9, FloodTally.count(window), STALL_MS / 1000);
                        break;
                    }
                    continue;
                }
                int n = 1 + room.drainPermits();
                try {
                    tcp.sendFrames(many, n * one.length);
                } catch (IOException e) {
                    failed = "sending failed: " + e.getMessage();
                    break;
                }
                sent += n;
            }
            long t1 = System.nanoTime();
            long inWindow = tally.answered();
            int sync = ++syncs;
            tally.expectSync(sync);
            if (failed == null) {
                try {
                    tcp.send(Osc.msg("/sync", sync));
                } catch (IOException e) {
                    failed = "sending failed: " + e.getMessage();
                }
            }
            await(tally, tcp, System.nanoTime());
            String ended = failed != null ? failed : tcp.ended();
            return new Sustained(window, sent, inWindow, tally.answered(), (t1 - t0) / 1e9, tally.synced(), stalled,
                    tally.errors(), ended);
        }
    }

    /** Waits until the flood has settled ({@link FloodTally#settled}), at most {@value #CAP_MS} ms. */
    private static void await(FloodTally tally, TcpOscClient tcp, long sentNanos) throws InterruptedException {
        long cap = sentNanos + CAP_MS * 1_000_000L;
        long now;
        while ((now = System.nanoTime()) < cap && !FloodTally.settled(tally.synced(), tcp.ended() != null, now,
                Math.max(sentNanos, tally.lastNanos()), IDLE_MS * 1_000_000L)) {
            Thread.sleep(10);
        }
    }

    /**
     * An immediate bundle of {@code n} copies of {@code message}, encoded here rather than by the codec, which
     * stops at 1 MiB: a server's own limit is what the figure looks for.
     */
    static byte[] bundle(byte[] message, int n) {
        long size = 16 + (long) n * (4 + message.length);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " messages make a bundle of " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        b.put("#bundle\0".getBytes(StandardCharsets.US_ASCII)).putLong(1); // time tag 1: now
        for (int k = 0; k < n; k++) {
            b.putInt(message.length).put(message);
        }
        return b.array();
    }

    /** {@code "1000,6000"} → {1000, 6000}. */
    static int[] sizes(String list) {
        int[] sizes = Arrays.stream(list.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--sizes: positive counts separated by commas, not " + list);
        }
        return sizes;
    }
}
