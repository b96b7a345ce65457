package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import la.methc.api.Host;
import la.methc.api.Mutability;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourceDef;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceRef;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The resource protocol under concurrent load, end to end: the real {@link EngineRuntime} (the {@code dummy}
 * driver's RT thread, the real dispatcher behind a real OSC server on 127.0.0.1, port 0) and {@value #CLIENTS}
 * client threads, half over UDP and half over TCP, each sending {@value #OPS_PER_CLIENT} random operations
 * (seeded, so the same sequence every run; the interleaving is up to the machine) on a shared, small set of
 * Resource and node ids: {@code /resource/new} (constructs that are sometimes slow, sometimes return null or
 * throw, destroys sometimes slow), {@code /resource/free}, {@code /synth/new} of a synth holding a Resource
 * through a resource port and dispatching {@code World.performWithResources} (exclusive and not) from attach
 * and every few blocks, {@code /node/set} re-maps, {@code /node/free}, groups, queries and {@code /sync}.
 * Errors are expected (most random operations fail somewhere); what is checked is that nothing is used after
 * it was destroyed, and the end state: after {@code /group/freeAll 0}, a free of every Resource and one
 * {@code /sync}, every slot is free with refcount 0 and not free-pending (over OSC and in the pool), every body
 * was destroyed exactly once, no node is left, the server still answers, and closing leaves no thread behind.
 */
class ResourceStressTest {

    private static final long SEED = 20240611L;
    private static final int CLIENTS = 4;
    private static final int OPS_PER_CLIENT = 1500;
    /** Every client syncs (and waits for /synced) after this many operations. */
    private static final int SYNC_EVERY = 100;
    /** A client pauses up to this long (uniformly) after each operation: about 1,500 operations a second in all. */
    private static final int MAX_PAUSE_NANOS = 4_000_000;
    /** At the end, Resources 0..SLOW_AT_END-1 are created with a slow construct and freed while constructing. */
    private static final int SLOW_AT_END = 4;
    private static final int MAX_RESOURCES = 16;
    private static final int MAX_NODES = 64;
    /** Node ids 1..GROUPS-1 are used for groups, GROUPS..MAX_NODES-1 for synths. */
    private static final int GROUPS = 6;

    static final String RES_URI = "test:stress-res";
    static final String SYNTH_URI = "test:stress-holder";

    // ---------------------------------------------------------------- what the plugins saw

    /** Uses of a body after its destroy began (on RT in process, on workers in perform callbacks). */
    static final AtomicLong VIOLATIONS = new AtomicLong();
    /** performWithResources results: [exclusive ? 1 : 0] → counts per ResourceStatus ordinal. */
    static final AtomicLongArray[] DISPATCHED = {new AtomicLongArray(ResourceStatus.values().length),
            new AtomicLongArray(ResourceStatus.values().length)};
    /** Perform callbacks that ran: [exclusive ? 1 : 0]. */
    static final AtomicLongArray PERFORMED = new AtomicLongArray(2);
    static final AtomicLong SYNTHS_DESTROYED = new AtomicLong();

    /** A Resource body: counts its destroys. */
    static final class Body {
        final int serial;
        final String mode;
        final int micros;
        final AtomicInteger destroyed = new AtomicInteger();

        Body(int serial, String mode, int micros) {
            this.serial = serial;
            this.mode = mode;
            this.micros = micros;
        }

        @Override
        public String toString() {
            return "Body#" + serial + "(" + mode + ", destroyed " + destroyed + ")";
        }
    }

    /**
     * {@code /resource/new test:stress-res id i:constructMicros s:mode}; mode {@code ok}, {@code null} (construct
     * returns null), {@code throw} (construct refuses), {@code slow-destroy} (destroy takes a millisecond),
     * {@code slow-both} (destroy takes as long as construct).
     */
    static final class StressResources implements ResourceDef {
        final AtomicInteger constructs = new AtomicInteger();
        final AtomicInteger nothing = new AtomicInteger();
        final AtomicInteger destroys = new AtomicInteger();
        final List<Body> bodies = new CopyOnWriteArrayList<>();
        final AtomicInteger serials = new AtomicInteger();

        @Override
        public String uri() {
            return RES_URI;
        }

        @Override
        public Mutability mutability() {
            return Mutability.MUTABLE;
        }

        @Override
        public Object construct(Host host, OscArgs args) {
            constructs.incrementAndGet();
            int micros = args.intAt(0, 0);
            String mode = args.has(1) ? args.stringAt(1) : "ok";
            if (micros > 0) {
                LockSupport.parkNanos(micros * 1000L);
            }
            switch (mode) {
                case "null" -> {
                    nothing.incrementAndGet();
                    return null;
                }
                case "throw" -> {
                    nothing.incrementAndGet();
                    throw new IllegalArgumentException("refused by the test");
                }
                default -> {
                    Body b = new Body(serials.getAndIncrement(), mode, micros);
                    bodies.add(b);
                    return b;
                }
            }
        }

        @Override
        public void destroy(Host host, Object body) {
            Body b = (Body) body;
            if (b.mode.equals("slow-destroy")) {
                LockSupport.parkNanos(1_000_000);
            } else if (b.mode.equals("slow-both")) {
                LockSupport.parkNanos(b.micros * 1000L);
            }
            b.destroyed.incrementAndGet();
            destroys.incrementAndGet();
        }
    }

    /** Checks every body it gets is not destroyed; with {@code slow}, holds them for 300 µs. Preallocated. */
    static final class Check implements ResourcePerform {
        private final boolean exclusive;
        private final boolean slow;

        Check(boolean exclusive, boolean slow) {
            this.exclusive = exclusive;
            this.slow = slow;
        }

        /** Worker. */
        @Override
        public void perform(Host host, Object[] bodies) {
            for (Object o : bodies) {
                if (((Body) o).destroyed.get() != 0) {
                    VIOLATIONS.incrementAndGet();
                }
            }
            if (slow) {
                LockSupport.parkNanos(300_000);
            }
            for (Object o : bodies) {
                if (((Body) o).destroyed.get() != 0) {
                    VIOLATIONS.incrementAndGet();
                }
            }
            PERFORMED.incrementAndGet(exclusive ? 1 : 0);
        }
    }

    /**
     * Options {@code i:held i:target i:exclusive i:period i:both i:slow}: binds {@code held} (if ≥ 0) to its
     * resource port (parameter 1) in attach; dispatches {@code performWithResources} on {@code target} (with
     * its held Resource too when {@code both}) once in attach and every {@code period} blocks (0: never) while it
     * runs. Allocation-free on RT after construction.
     */
    static final class StressHolder implements Synth {
        private final int held;
        private final int target;
        private final boolean exclusive;
        private final int period;
        private final boolean both;
        private final ResourceRef<Body> ref = new ResourceRef<>(RES_URI, Body.class);
        private final int[] one = new int[1];
        private final int[] two = new int[2];
        private final ResourcePerform check;
        private int blocks;
        private float[] gain;
        private float[] out;

        StressHolder(OscArgs o) {
            held = o.intAt(0, -1);
            target = o.intAt(1, -1);
            exclusive = o.intAt(2, 0) != 0;
            period = o.intAt(3, 0);
            both = o.intAt(4, 0) != 0;
            check = new Check(exclusive, o.intAt(5, 0) != 0);
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("gain", 1f), PortDescriptor.resourceInput("buf"),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            if (index == 0) {
                gain = data;
            } else if (index == 2) {
                out = data;
            }
        }

        /** RT. */
        @Override
        public void attach(World world) {
            if (held >= 0) {
                ref.bind(world, held);
            }
            dispatch(world);
        }

        /** RT. */
        @Override
        public boolean remap(World world, int port, int resourceId) {
            return port == 0 && ref.tryReplace(world, resourceId);
        }

        /** RT. */
        @Override
        public void detach(World world) {
            ref.close();
        }

        /** RT. */
        @Override
        public void process(World world, int offset, int frames) {
            Body b = ref.get();
            if (b != null && b.destroyed.get() != 0) {
                VIOLATIONS.incrementAndGet();
            }
            float v = b == null ? 0f : gain[0];
            for (int i = offset; i < offset + frames; i++) {
                out[i] = v;
            }
            if (period > 0 && ++blocks % period == 0) {
                dispatch(world);
            }
        }

        /** RT. */
        private void dispatch(World world) {
            if (target < 0) {
                return;
            }
            int[] ids;
            if (both && ref.isBound()) {
                two[0] = ref.id();
                two[1] = target;
                ids = two;
            } else {
                one[0] = target;
                ids = one;
            }
            ResourceStatus st = world.performWithResources(ids, null, exclusive, check);
            DISPATCHED[exclusive ? 1 : 0].incrementAndGet(st.ordinal());
        }

        /** Worker. */
        @Override
        public void destroy(Host host) {
            SYNTHS_DESTROYED.incrementAndGet();
        }
    }

    // ---------------------------------------------------------------- the random operations

    /** What one client did, for the report. */
    static final class Tally {
        final Map<String, Integer> sent = new TreeMap<>();
        int syncs;
        int synced;
        int lastSynced;

        void sent(String address) {
            sent.merge(address, 1, Integer::sum);
        }

        int total() {
            return sent.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static void randomOp(OscClient c, Random r, Tally t) throws IOException {
        int res = r.nextInt(MAX_RESOURCES + 2) - 1; // -1 and MAX_RESOURCES are out of range
        int synth = GROUPS + r.nextInt(MAX_NODES - GROUPS);
        int group = 1 + r.nextInt(GROUPS - 1);
        int k = r.nextInt(100);
        String address;
        if (k < 20) {
            address = "/resource/new";
            int micros = r.nextInt(4) == 0 ? 200 + r.nextInt(2800) : 0;
            int m = r.nextInt(20);
            String mode = m < 2 ? "null" : m < 3 ? "throw" : m < 6 ? "slow-destroy" : "ok";
            c.send(address, RES_URI, res, micros, mode);
        } else if (k < 34) {
            address = "/resource/free";
            c.send(address, res);
        } else if (k < 52) {
            address = "/synth/new";
            int target = r.nextInt(3) == 0 ? group : 0;
            List<Object> options = List.of(res, r.nextInt(4) == 0 ? -1 : r.nextInt(MAX_RESOURCES), r.nextInt(3) == 0 ? 1
                    : 0, r.nextInt(7), r.nextInt(2), r.nextInt(4) == 0 ? 1 : 0);
            c.send(address, SYNTH_URI, synth, target, r.nextInt(2), new ArrayList<>(), new ArrayList<>(options));
        } else if (k < 62) {
            address = "/synth/activate";
            c.send(address, synth);
        } else if (k < 76) {
            address = "/node/set"; // parameter 1: the resource port
            c.send(address, synth, 1, res);
        } else if (k < 79) {
            address = "/node/set";
            c.send(address, synth, 0, 0.5f);
        } else if (k < 89) {
            address = "/node/free";
            c.send(address, r.nextInt(5) == 0 ? group : synth);
        } else if (k < 92) {
            address = "/group/new";
            c.send(address, group, 0, 1);
        } else if (k < 93) {
            address = "/group/freeAll";
            c.send(address, group);
        } else if (k < 98) {
            address = "/resource/query";
            c.send(address, res);
        } else {
            address = "/status";
            c.send(address);
        }
        t.sent(address);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void randomConcurrentTrafficOverUdpAndTcpLeavesEverySlotFreeAndEveryBodyDestroyedOnce() throws Exception {
        Set<Thread> before = EngineThreads.alive();
        StressResources def = new StressResources();
        SynthDefRegistry synths = new SynthDefRegistry();
        synths.add(TestSynths.def(SYNTH_URI, StressHolder::new));
        ResourceDefRegistry resources = new ResourceDefRegistry();
        resources.add(def);
        Map<String, String> o = new HashMap<>(Map.of("driver", "dummy", "port", "0", "bind", "127.0.0.1",
                "maxNodes", String.valueOf(MAX_NODES), "maxResources", String.valueOf(MAX_RESOURCES),
                "internalBuses", "16", "workerThreads", "2"));
        EngineRuntime runtime = new EngineRuntime(EngineOptions.from(o::get), synths, resources, () -> { });
        long t0 = System.nanoTime();
        Tally[] tallies = new Tally[CLIENTS];
        List<OscClient> clients = new ArrayList<>();
        try {
            runtime.start(() -> { });
            int port = runtime.port();
            assertTrue(port > 0);
            for (int i = 0; i < CLIENTS; i++) {
                String name = "stress-" + (i % 2 == 0 ? "udp" : "tcp") + "-" + i;
                clients.add(i % 2 == 0 ? new UdpOscClient(name, port, Set.of("/synced"))
                        : new TcpOscClient(name, port, Set.of("/synced")));
            }
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                OscClient c = clients.get(i);
                Tally t = tallies[i] = new Tally();
                Random r = new Random(SEED * 31 + i);
                int base = (i + 1) * 1_000_000;
                Thread th = new Thread(() -> {
                    try {
                        for (int op = 1; op <= OPS_PER_CLIENT; op++) {
                            randomOp(c, r, t);
                            if (op % SYNC_EVERY == 0) {
                                t.syncs++;
                                if (c.sync(base + op)) {
                                    t.synced++;
                                    t.lastSynced = op;
                                }
                            } else {
                                LockSupport.parkNanos(r.nextInt(MAX_PAUSE_NANOS));
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, c.name);
                threads.add(th);
            }
            threads.forEach(Thread::start);
            for (Thread th : threads) {
                th.join(TimeUnit.SECONDS.toMillis(40));
                assertFalse(th.isAlive(), th.getName() + " still running");
            }
            long trafficMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(List.of(), failures);
            for (int i = 0; i < CLIENTS; i++) {
                // the last operation is a /sync: once /synced is back, all the client sent is in the engine
                assertEquals(OPS_PER_CLIENT, tallies[i].lastSynced, clients.get(i).name + ": the final /sync answered");
            }
            for (OscClient c : clients) {
                c.close();
            }

            // the end: free everything, sync once, and nothing may be left in transition
            try (TcpOscClient ctl = new TcpOscClient("stress-control", port,
                    Set.of("/synced", "/resource/info", "/status.reply"))) {
                ctl.send("/group/freeAll", 0);
                assertTrue(ctl.sync(1), "/synced after /group/freeAll 0");
                for (int id = 0; id < SLOW_AT_END; id++) {
                    // on a free slot, a construct of 20 ms: the free below finds it constructing (free-pending), its
                    // destroy (20 ms too) starts only when the construct returns, and the /sync must wait for both
                    ctl.send("/resource/new", RES_URI, id, 20_000, "slow-both");
                }
                for (int id = 0; id < MAX_RESOURCES; id++) {
                    ctl.send("/resource/free", id);
                }
                assertTrue(ctl.sync(2), "/synced after freeing every Resource");
                // no waiting beyond the /sync: every destroy it implied has run
                int destroyedAtSync = def.destroys.get();
                List<String> notFree = new ArrayList<>();
                for (int id = 0; id < MAX_RESOURCES; id++) {
                    int want = id;
                    ctl.send("/resource/query", id);
                    OSCMessage info = ctl.await(m -> m.getAddress().equals("/resource/info")
                            && m.getArguments().get(0).equals(want), 5000);
                    assertNotNull(info, "/resource/info " + id);
                    if (!info.getArguments().equals(List.of(id, "", "free", 0))) {
                        notFree.add(info.getArguments().toString());
                    }
                }
                assertEquals(List.of(), notFree, "every slot free with refcount 0 (/resource/query)");
                PoolSnapshot pool = new PoolSnapshot();
                assertTrue(runtime.engine().control().runAndWait(pool, 5000));
                assertEquals(PoolSnapshot.allFree(MAX_RESOURCES), pool.slots, "every slot free, refcount 0, not free-pending (the pool)");
                assertEquals(MAX_RESOURCES, pool.free);
                assertEquals(0, pool.live);
                assertEquals(0, pool.performsInFlight);

                List<Body> bodies = List.copyOf(def.bodies);
                assertEquals(bodies.size(), destroyedAtSync, "every body destroyed by the time /synced came");
                List<String> wrong = bodies.stream().filter(b -> b.destroyed.get() != 1).map(Body::toString).toList();
                assertEquals(List.of(), wrong, "every body destroyed exactly once");
                assertEquals(def.constructs.get(), bodies.size() + def.nothing.get());
                assertEquals(bodies.size(), pool.destroyedBodies);
                assertEquals(0, VIOLATIONS.get(), "a body was used after its destroy began");
                assertEquals(0, runtime.engine().lostEvents(), "replies and notifications RT lost");

                ctl.send("/status");
                OSCMessage status = ctl.await(m -> m.getAddress().equals("/status.reply"), 5000);
                assertNotNull(status, "/status over TCP");
                assertEquals(List.of(0, 1, 0), status.getArguments().subList(0, 3), "no synth, only the root, no Resource");
            }
            try (UdpOscClient udp = new UdpOscClient("stress-udp-check", port, Set.of("/status.reply"))) {
                OSCMessage status = null;
                for (int attempt = 0; attempt < 5 && status == null; attempt++) {
                    udp.send("/status");
                    status = udp.await(m -> m.getAddress().equals("/status.reply"), 1000);
                }
                assertNotNull(status, "/status over UDP");
            }

            // the report, and what must have happened for the run to mean something
            int ops = 0;
            for (int i = 0; i < CLIENTS; i++) {
                Tally t = tallies[i];
                OscClient c = clients.get(i);
                ops += t.total();
                System.out.printf("%s: %d ops %s, %d/%d syncs answered; received %s%n", c.name, t.total(), t.sent,
                        t.synced, t.syncs, new TreeMap<>(c.counts));
                if (c instanceof TcpOscClient) {
                    assertEquals(t.syncs, t.synced, c.name + ": every /sync answered over TCP");
                }
            }
            System.out.printf("stress: %d ops from %d clients in %d ms; %d constructs (%d bodies, %d failed), %d "
                    + "destroys; dispatches shared %s, exclusive %s (by ResourceStatus %s); performed %s; synths "
                    + "destroyed %d%n", ops, CLIENTS, trafficMs, def.constructs.get(), bodies(def), def.nothing.get(),
                    def.destroys.get(), DISPATCHED[0], DISPATCHED[1], List.of(ResourceStatus.values()), PERFORMED,
                    SYNTHS_DESTROYED.get());
            assertEquals(CLIENTS * OPS_PER_CLIENT, ops);
            assertTrue(bodies(def) > 0, "some Resources were constructed");
            assertTrue(PERFORMED.get(0) > 0 && PERFORMED.get(1) > 0, "shared and exclusive dispatches ran: "
                    + PERFORMED);
        } finally {
            for (OscClient c : clients) {
                c.close();
            }
            runtime.close();
        }
        assertEquals(Set.of(), EngineThreads.leftOver(before), "threads left");
        long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(totalMs < 30_000, "took " + totalMs + " ms");
    }

    private static int bodies(StressResources def) {
        return def.bodies.size();
    }

}
