package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.fail;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import la.methc.engine.internal.osc.Client;
import la.methc.osc.OscCodec;

/** A client that keeps every message the engine sends it. */
final class RecordingClient implements Client {

    private final LinkedBlockingQueue<OSCMessage> received = new LinkedBlockingQueue<>();
    private final String name;
    private final int maxPacketSize;

    RecordingClient(String name) {
        this(name, OscCodec.MAX_PACKET_SIZE);
    }

    /** A client that takes packets of at most {@code maxPacketSize} bytes, as a UDP peer does. */
    RecordingClient(String name, int maxPacketSize) {
        this.name = name;
        this.maxPacketSize = maxPacketSize;
    }

    @Override
    public int maxPacketSize() {
        return maxPacketSize;
    }

    @Override
    public void send(OSCPacket packet) {
        received.add((OSCMessage) packet);
    }

    @Override
    public String describe() {
        return name;
    }

    /** The next message with this address, skipping others; fails after 5 s. */
    OSCMessage await(String address) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<OSCMessage> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try {
                OSCMessage m = received.poll(10, TimeUnit.MILLISECONDS);
                if (m == null) {
                    continue;
                }
                if (m.getAddress().equals(address)) {
                    received.addAll(skipped);
                    return m;
                }
                skipped.add(m);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("no " + address + " within 5 s; got " + describe(skipped));
        return null;
    }

    /** The first {@code count} messages, waiting up to {@code ms} for them; fails if fewer came. */
    List<OSCMessage> drainUntilCount(int count, long ms) {
        List<OSCMessage> all = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (all.size() < count && System.nanoTime() < deadline) {
            try {
                OSCMessage m = received.poll(10, TimeUnit.MILLISECONDS);
                if (m != null) {
                    all.add(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (all.size() < count) {
            fail("expected " + count + " messages within " + ms + " ms; got " + describe(all));
        }
        return all;
    }

    /** Everything received within {@code ms}. */
    List<OSCMessage> drain(long ms) {
        List<OSCMessage> all = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < deadline) {
            OSCMessage m = received.poll();
            if (m != null) {
                all.add(m);
            } else {
                Thread.onSpinWait();
            }
        }
        return all;
    }

    /** The first message received so far with this address, removed from the queue; null when none (no wait). */
    OSCMessage take(String address) {
        for (OSCMessage m : received) {
            if (m.getAddress().equals(address) && received.remove(m)) {
                return m;
            }
        }
        return null;
    }

    /** Everything received so far (no wait). */
    List<OSCMessage> takeAll() {
        List<OSCMessage> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    static String describe(List<OSCMessage> messages) {
        StringBuilder b = new StringBuilder();
        for (OSCMessage m : messages) {
            b.append(m.getAddress()).append(' ').append(m.getArguments()).append("; ");
        }
        return b.toString();
    }
}
