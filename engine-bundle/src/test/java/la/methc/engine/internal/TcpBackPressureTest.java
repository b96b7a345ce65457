package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.illposed.osc.OSCMessage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import la.methc.api.Host;
import la.methc.api.Mutability;
import la.methc.api.OscArgs;
import la.methc.api.ResourceDef;
import la.methc.osc.OscCodec;
import la.methc.engine.internal.osc.TcpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TCP client that registers for notifications and then never reads must not stall the notifier, which
 * serves every client: another client keeps getting its replies in time, and the stuck one is disconnected once
 * more than {@link TcpClient#MAX_QUEUED_BYTES} wait for it.
 */
class TcpBackPressureTest {

    private static final String REFUSE = "test:refuse";
    /** Each refusal is a /resource/error of this many characters, to every registered client. */
    private static final int REASON_CHARS = 128 * 1024;
    private static final long ROUND_TIMEOUT_MS = 3000;
    private static final long TOTAL_TIMEOUT_MS = 40_000;

    /** A ResourceDef that refuses every construct with its string argument as the reason. */
    private static final class Refusing implements ResourceDef {
        @Override
        public String uri() {
            return REFUSE;
        }

        @Override
        public Mutability mutability() {
            return Mutability.MUTABLE;
        }

        @Override
        public Object construct(Host host, OscArgs args) {
            throw new IllegalArgumentException(args.stringAt(0));
        }

        @Override
        public void destroy(Host host, Object body) {
        }
    }

    private static Set<Thread> methclaThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("methcla"))
                .collect(Collectors.toSet());
    }

    private static Set<String> connectionThreads(Socket client) {
        String peer = client.getLocalAddress().getHostAddress() + ":" + client.getLocalPort();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("-" + peer))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static void send(Socket s, String address, Object... args) throws IOException {
        byte[] b = OscCodec.toBytes(new OSCMessage(address, List.of(args)));
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(b.length);
        out.write(b);
        out.flush();
    }

    private static OSCMessage receive(DataInputStream in) throws Exception {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return (OSCMessage) OscCodec.decode(b, 0, b.length);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aClientThatDoesNotReadIsDroppedAndStallsNobody() throws Exception {
        Set<Thread> before = methclaThreads();
        ResourceDefRegistry resources = new ResourceDefRegistry();
        resources.add(new Refusing());
        Map<String, String> o = new HashMap<>(Map.of("driver", "dummy", "port", "0", "bind", "127.0.0.1",
                "maxResources", "16", "maxNodes", "16", "internalBuses", "4"));
        EngineRuntime runtime = new EngineRuntime(EngineOptions.from(o::get), new SynthDefRegistry(), resources,
                () -> { });
        try {
            runtime.start(() -> { });
            InetSocketAddress engine = new InetSocketAddress(InetAddress.getLoopbackAddress(), runtime.port());
            try (Socket stuck = new Socket(); Socket busy = new Socket()) {
                stuck.setReceiveBufferSize(4096); // a small window, so the engine's side fills soon
                stuck.connect(engine, 5000);
                send(stuck, "/notify", 1);
                busy.connect(engine, 5000);
                busy.setSoTimeout((int) ROUND_TIMEOUT_MS);
                DataInputStream in = new DataInputStream(busy.getInputStream());
                waitFor(() -> !connectionThreads(stuck).isEmpty(), "the stuck client's connection");

                String reason = "x".repeat(REASON_CHARS);
                long start = System.nanoTime();
                int rounds = 0;
                int afterDrop = -1;
                // go on for a few rounds after the drop: the others are still served
                while (afterDrop < 3) {
                    if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(TOTAL_TIMEOUT_MS)) {
                        fail("the stuck client was not disconnected after " + rounds + " rounds ("
                                + (long) rounds * REASON_CHARS + " bytes of notifications)");
                    }
                    int id = rounds % 16;
                    long t0 = System.nanoTime();
                    send(busy, "/resource/new", REFUSE, id, reason);
                    send(busy, "/sync", rounds);
                    boolean refused = false;
                    for (OSCMessage m = receive(in); !m.getAddress().equals("/synced"); m = receive(in)) {
                        if (m.getAddress().equals("/resource/error")) {
                            assertEquals(id, m.getArguments().get(0));
                            assertTrue(m.getArguments().get(1).toString().endsWith(reason));
                            refused = true;
                        }
                    }
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertTrue(refused, "round " + rounds + ": no /resource/error before /synced");
                    assertTrue(ms < ROUND_TIMEOUT_MS, "round " + rounds + " took " + ms + " ms");
                    rounds++;
                    if (afterDrop >= 0 || connectionThreads(stuck).isEmpty()) {
                        afterDrop++;
                    }
                }
                assertTrue((long) rounds * REASON_CHARS > TcpClient.MAX_QUEUED_BYTES,
                        "dropped after only " + rounds + " rounds");
                assertClosedByEngine(stuck);
            }
        } finally {
            runtime.close();
        }
        waitFor(() -> methclaThreads().equals(before), "no engine thread left: " + methclaThreads());
    }

    /** What the engine wrote before it dropped the connection, then the end of the stream. */
    private static void assertClosedByEngine(Socket s) throws IOException {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        byte[] discard = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n = in.read(discard); n >= 0; n = in.read(discard)) {
                total += n;
                if (total > 64L * 1024 * 1024) {
                    fail("the engine keeps sending to a dropped client");
                }
            }
        } catch (SocketTimeoutException e) {
            fail("the engine did not close the stuck connection");
        } catch (IOException e) {
            // reset: closed as well
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
