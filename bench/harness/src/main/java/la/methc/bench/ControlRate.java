package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import la.methc.osc.OscCodec;

/**
 * Figure f: control messages per second absorbed. One sine runs; for each rate of a ladder the client sends
 * its set-frequency message ({@code /n_set id 1 f} vs {@code /node/set id 0 f}), each in its own datagram, at
 * that rate for a burst, then {@code /sync}. A rate is <em>delivered</em> when the client reached it (95%), the
 * {@code /synced} came within {@value #SYNC_LIMIT_MS} ms of the burst's end, the machine's UDP receive errors
 * did not grow and the server refused or dropped nothing; it is <em>absorbed</em> when, besides, no more
 * blocks were late than in a quiet window of the same length just before (a shared machine makes some blocks
 * late with no message sent). A rate that is not absorbed is tried again, up to {@value #ATTEMPTS} times in
 * all. Two figures: the highest rate absorbed and the highest rate delivered; the ladder stops at a rate that
 * is never delivered. Both are reported because the two servers'
 * late blocks are not the same measure: Methcla/J counts blocks computed slower than real time, while
 * scsynth's (JACK's xruns) include the delays in waking its thread, which a busy machine causes.
 */
final class ControlRate {

    static final long SYNC_LIMIT_MS = 200;
    static final int ATTEMPTS = 3;
    static final int[] LADDER = {5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 400_000};
    static final int[] QUICK_LADDER = {10_000, 50_000};
    private static final int SINE = 50;

    /**
     * One burst: what the client managed and what the server did. {@code socketDrops}: the datagrams the server's
     * own socket dropped (-1: unknown), shown for diagnosis only; the criterion stays the machine's
     * {@code udpErrors}, which also count what other programs on the machine lose.
     */
    record Burst(int target, double achieved, double syncMs, long udpErrors, long socketDrops, long quietLate,
            long late, long refused) {
        boolean clientReached() {
            return achieved >= 0.95 * target;
        }

        boolean delivered() {
            return clientReached() && syncMs <= SYNC_LIMIT_MS && udpErrors <= 0 && refused == 0;
        }

        boolean absorbed() {
            return delivered() && late <= quietLate;
        }
    }

    private final Session s;
    private final Results results;

    ControlRate(Session s, Results results) {
        this.s = s;
        this.results = results;
    }

    void run(int[] ladder, long burstMs) throws IOException, InterruptedException {
        s.run("the sine", List.of(Osc.now(s.server.newSine(SINE, 440f, 0.01f))));
        ByteBuffer low = copy(s.server.setFreq(SINE, 440f));
        ByteBuffer high = copy(s.server.setFreq(SINE, 441f));
        int absorbed = 0;
        int delivered = 0;
        String end = "the top of the ladder reached";
        System.out.printf("  %9s %11s %9s %6s %8s %10s %7s%n", "rate/s", "achieved/s", "sync ms", "udpErr",
                "sockDrop", "late/quiet", "refused");
        for (int rate : ladder) {
            boolean wasAbsorbed = false;
            boolean wasDelivered = false;
            Burst b = null;
            for (int attempt = 0; attempt < ATTEMPTS && !wasAbsorbed; attempt++) {
                b = burst(rate, burstMs, low, high);
                System.out.printf("  %9d %11.0f %9.1f %6d %8d %5d/%-4d %7d  %s%n", b.target(), b.achieved(),
                        b.syncMs(), b.udpErrors(), b.socketDrops(), b.late(), b.quietLate(), b.refused(),
                        b.absorbed() ? "absorbed" : b.delivered() ? "delivered" : "not delivered");
                Thread.sleep(500);
                wasAbsorbed = b.absorbed();
                wasDelivered |= b.delivered();
                if (!b.clientReached()) {
                    break; // trying again would not make the client faster
                }
            }
            if (wasAbsorbed) {
                absorbed = rate;
            }
            if (!wasDelivered) {
                end = b.clientReached() ? "not delivered at " + rate + "/s"
                        : "the client could not send " + rate + "/s (it reached " + Math.round(b.achieved()) + "/s)";
                break;
            }
            delivered = rate;
        }
        s.sendAndSync(List.of(s.server.freeNode(SINE)));
        results.put("control.rate", absorbed, end);
        results.put("control.delivered", delivered, end);
    }

    private Burst burst(int rate, long burstMs, ByteBuffer low, ByteBuffer high)
            throws IOException, InterruptedException {
        long quiet0 = s.server.lateBlocks(s.client);
        Thread.sleep(burstMs);
        long quietLate = s.server.lateBlocks(s.client) - quiet0;
        s.client.takeErrors();
        long udp0 = UdpCounters.inErrors();
        long drops0 = UdpCounters.socketDrops(s.port);
        long late0 = s.server.lateBlocks(s.client);
        long dropped0 = s.server.droppedCommands();
        long t0 = System.nanoTime();
        long end = t0 + burstMs * 1_000_000L;
        long sent = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            long due = (now - t0) * rate / 1_000_000_000L;
            if (sent >= due) {
                LockSupport.parkNanos(50_000);
                continue;
            }
            // a client that falls behind still looks at the clock every 256 datagrams
            for (int k = 0; sent < due && k < 256; k++) {
                s.client.send((sent & 1) == 0 ? low : high);
                sent++;
            }
        }
        long t1 = System.nanoTime();
        double syncMs;
        try {
            s.sync(5000);
            syncMs = (System.nanoTime() - t1) / 1e6;
        } catch (OscClient.NoReplyException e) {
            syncMs = Double.POSITIVE_INFINITY;
        }
        List<OSCMessage> errors = s.client.takeErrors();
        if (!errors.isEmpty()) {
            System.out.println("    refused: " + OscClient.describe(errors));
        }
        long udp1 = UdpCounters.inErrors();
        long drops1 = UdpCounters.socketDrops(s.port);
        long late = s.server.lateBlocks(s.client) - late0;
        long refused = errors.size() + s.server.droppedCommands() - dropped0;
        return new Burst(rate, sent / ((t1 - t0) / 1e9), syncMs, udp0 < 0 ? 0 : udp1 - udp0,
                drops0 < 0 || drops1 < 0 ? -1 : drops1 - drops0, quietLate, late, refused);
    }

    private static ByteBuffer copy(OSCMessage m) {
        return ByteBuffer.wrap(OscCodec.toBytes(m));
    }
}
