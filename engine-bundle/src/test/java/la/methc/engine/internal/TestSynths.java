package la.methc.engine.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceRef;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;

/** Small SynthDefs whose output is easy to predict, for engine tests. */
final class TestSynths {

    static final String CONST = "test:const";
    static final String DONE = "test:done";
    static final String THROW = "test:throw";
    static final String SINE = "test:sine";
    /** Control 0 gain, resource port 0 a {@link TestResources#URI} body; out = body value × gain. */
    static final String HOLDER = "test:holder";
    /** Resource port a, control gain, resource port b: out = gain × (a + 100 b). */
    static final String PAIR = "test:pair";
    /** Acquires option 0 in attach and never releases it. */
    static final String LEAKY = "test:leaky";
    /* Isolated (SynthDef#isolated) versions, which an offline render may run on its helper threads. */
    static final String ISOLATED_SINE = "test:isolated-sine";
    /** Isolated only while its input is not mapped to a bus (a synth that reads a bus is not). */
    static final String ISOLATED_CONST = "test:isolated-const";
    static final String ISOLATED_DONE = "test:isolated-done";
    static final String ISOLATED_THROW = "test:isolated-throw";
    /** Isolated and silent; records the threads its process ran on in {@link #PROCESS_THREADS}. */
    static final String ISOLATED_SPY = "test:isolated-spy";
    static final java.util.Set<String> PROCESS_THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Isolated and silent; while {@link #STALL} is set, the first process on a DSP helper sleeps 30 ms (and clears it). */
    static final String ISOLATED_STALL = "test:isolated-stall";
    static final java.util.concurrent.atomic.AtomicBoolean STALL = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Sets {@link #STALL} and computes blocks of {@code h} until a DSP helper ran an {@link #ISOLATED_STALL} synth
     * and so stalled in it (at most 10 s), which the test then sees RT wait for.
     */
    static void stallAHelper(EngineHarness h) {
        STALL.set(true);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (STALL.get() && System.nanoTime() < deadline) {
            h.block();
        }
        org.junit.jupiter.api.Assertions.assertFalse(STALL.get(), "a helper ran a stalling synth");
    }
    /** Isolated by its def, yet calls {@link World#acquire} in process: breaks the contract. */
    static final String ISOLATED_ACQUIRE = "test:isolated-acquire";

    /**
     * Isolated, with state: controls a (coefficient) and bias, audio input in; y += a × (in + bias − y), out = y.
     * A link of a chain: its output depends on every block before.
     */
    static final String ISOLATED_LAG = "test:isolated-lag";

    /** A control input gain and an audio output out; its ports() throws after the first call (a faulty plugin). */
    static final String PORTS_ONCE = "test:ports-once";

    /** Counts destroy calls across all test synths. */
    static final AtomicInteger DESTROYED = new AtomicInteger();

    private TestSynths() {
    }

    static SynthDefRegistry registry() {
        SynthDefRegistry r = new SynthDefRegistry();
        r.add(def(CONST, o -> new Const()));
        r.add(def(DONE, o -> new DoneAfter(o.intAt(0))));
        r.add(def(THROW, o -> new Throwing(o.intAt(0, 0))));
        r.add(def(SINE, o -> new Sine()));
        r.add(def(HOLDER, o -> new Holder(o.intAt(0, -1), o.intAt(1, 0))));
        r.add(def(PAIR, o -> new Pair(o.intAt(0, -1), o.intAt(1, -1))));
        r.add(def(LEAKY, o -> new Leaky(o.intAt(0))));
        r.add(def(PORTS_ONCE, o -> new PortsOnce()));
        r.add(isolated(ISOLATED_SINE, o -> new Sine()));
        r.add(isolated(ISOLATED_CONST, o -> new Const()));
        r.add(isolated(ISOLATED_DONE, o -> new DoneAfter(o.intAt(0))));
        r.add(isolated(ISOLATED_THROW, o -> new Throwing(o.intAt(0, 0))));
        r.add(isolated(ISOLATED_ACQUIRE, o -> new AcquireInProcess()));
        r.add(isolated(ISOLATED_SPY, o -> new ThreadSpy()));
        r.add(isolated(ISOLATED_STALL, o -> new Stall()));
        r.add(isolated(ISOLATED_LAG, o -> new Lag()));
        return r;
    }

    static SynthDef def(String uri, java.util.function.Function<OscArgs, Synth> make) {
        return def(uri, make, false);
    }

    /** An isolated def (see {@link SynthDef#isolated}). */
    static SynthDef isolated(String uri, java.util.function.Function<OscArgs, Synth> make) {
        return def(uri, make, true);
    }

    private static SynthDef def(String uri, java.util.function.Function<OscArgs, Synth> make, boolean isolated) {
        return new SynthDef() {
            @Override
            public String uri() {
                return uri;
            }

            @Override
            public Synth construct(Host host, OscArgs options) {
                return make.apply(options);
            }

            @Override
            public boolean isolated() {
                return isolated;
            }
        };
    }

    abstract static class Base implements Synth {
        @Override
        public void destroy(Host host) {
            DESTROYED.incrementAndGet();
        }
    }

    /** A synth without ports. */
    abstract static class NoPorts extends Base {
        @Override
        public List<PortDescriptor> ports() {
            return List.of();
        }

        @Override
        public void connect(int index, float[] data) {
        }
    }

    /** out = in + control 0. */
    static final class Const extends Base {
        private float[] value;
        private float[] in;
        private float[] out;

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("value", 1f), PortDescriptor.audioInput("in"),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> value = data;
                case 1 -> in = data;
                default -> out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            for (int i = offset; i < offset + frames; i++) {
                out[i] = in[i] + value[0];
            }
        }
    }

    /** Says it is done after option 0 blocks. */
    static final class DoneAfter extends NoPorts {
        private int blocks;

        DoneAfter(int blocks) {
            if (blocks < 0) {
                throw new IllegalArgumentException("blocks must not be negative");
            }
            this.blocks = blocks;
        }

        @Override
        public void process(World world, int offset, int frames) {
            if (--blocks == 0) {
                world.synthDone(this);
            }
        }
    }

    /** Throws from process after option 0 blocks. */
    static final class Throwing extends NoPorts {
        private int blocks;

        Throwing(int blocks) {
            this.blocks = blocks;
        }

        @Override
        public void process(World world, int offset, int frames) {
            if (blocks-- <= 0) {
                throw new IllegalStateException("boom");
            }
        }
    }

    /** Perform callbacks run by {@link Holder}s that dispatch. */
    static final AtomicLong PERFORMS = new AtomicLong();
    private static final ResourcePerform COUNT_PERFORM = (host, bodies) -> PERFORMS.incrementAndGet();

    /**
     * A synth with one resource port: binds option 0 (if ≥ 0) in attach with {@link ResourceRef#bind}, re-maps
     * with {@link ResourceRef#tryReplace}, releases in detach. With option 1 &gt; 0 it dispatches a
     * performWithResources on its Resource every that many blocks. Allocation-free after attach.
     */
    static final class Holder extends Base {
        private final int initial;
        private final int dispatchPeriod;
        private final ResourceRef<TestResources.Body> ref = new ResourceRef<>(TestResources.URI,
                TestResources.Body.class);
        private final int[] ids = new int[1];
        private int blocks;
        private float[] gain;
        private float[] out;

        Holder(int initial, int dispatchPeriod) {
            this.initial = initial;
            this.dispatchPeriod = dispatchPeriod;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("gain", 1f), PortDescriptor.resourceInput("buf"),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> gain = data;
                case 2 -> out = data;
                default -> throw new IllegalArgumentException("port " + index + " is not connected");
            }
        }

        @Override
        public void attach(World world) {
            if (initial >= 0) {
                ref.bind(world, initial);
            }
        }

        @Override
        public boolean remap(World world, int port, int resourceId) {
            return port == 0 && ref.tryReplace(world, resourceId);
        }

        @Override
        public void detach(World world) {
            ref.close();
        }

        @Override
        public void process(World world, int offset, int frames) {
            TestResources.Body b = ref.get();
            float v = b == null ? 0f : b.value * gain[0];
            for (int i = offset; i < offset + frames; i++) {
                out[i] = v;
            }
            if (dispatchPeriod > 0 && ++blocks % dispatchPeriod == 0 && b != null) {
                ids[0] = ref.id();
                world.performWithResources(ids, null, false, COUNT_PERFORM);
            }
        }
    }

    /** Resource port a, control gain, resource port b (parameters 0, 1, 2). */
    static final class Pair extends Base {
        private final int initialA;
        private final int initialB;
        private final ResourceRef<TestResources.Body> a = new ResourceRef<>(TestResources.URI,
                TestResources.Body.class);
        private final ResourceRef<TestResources.Body> b = new ResourceRef<>(TestResources.URI,
                TestResources.Body.class);
        private float[] gain;
        private float[] out;

        Pair(int a, int b) {
            initialA = a;
            initialB = b;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.resourceInput("a"), PortDescriptor.controlInput("gain", 1f),
                    PortDescriptor.resourceOutput("b"), PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 1 -> gain = data;
                case 3 -> out = data;
                default -> throw new IllegalArgumentException("port " + index + " is not connected");
            }
        }

        @Override
        public void attach(World world) {
            if (initialA >= 0) {
                a.bind(world, initialA);
            }
            if (initialB >= 0) {
                b.bind(world, initialB);
            }
        }

        @Override
        public boolean remap(World world, int port, int resourceId) {
            return (port == 0 ? a : b).tryReplace(world, resourceId);
        }

        @Override
        public void detach(World world) {
            a.close();
            b.close();
        }

        @Override
        public void process(World world, int offset, int frames) {
            float va = a.get() == null ? 0f : a.get().value;
            float vb = b.get() == null ? 0f : b.get().value;
            for (int i = offset; i < offset + frames; i++) {
                out[i] = gain[0] * (va + 100 * vb);
            }
        }
    }

    /** Acquires its option in attach and forgets to release it in detach. */
    static final class Leaky extends Base {
        private final int id;

        Leaky(int id) {
            this.id = id;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.resourceInput("buf"));
        }

        @Override
        public void connect(int index, float[] data) {
        }

        @Override
        public void attach(World world) {
            world.acquire(id, TestResources.URI);
        }

        @Override
        public void process(World world, int offset, int frames) {
        }
    }

    /** freq, amp → out; allocation-free. */
    static final class Sine extends Base {
        private float[] freq;
        private float[] amp;
        private float[] out;
        private double phase;

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("freq", 440f), PortDescriptor.controlInput("amp", 1f),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> freq = data;
                case 1 -> amp = data;
                default -> out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            double inc = 2 * Math.PI * freq[0] / world.sampleRate();
            for (int i = offset; i < offset + frames; i++) {
                out[i] = (float) (amp[0] * Math.sin(phase));
                phase += inc;
            }
            phase %= 2 * Math.PI;
        }
    }

    /** See {@link #ISOLATED_LAG}. */
    static final class Lag extends Base {
        private float[] a;
        private float[] bias;
        private float[] in;
        private float[] out;
        private float y;

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("a", 0.5f), PortDescriptor.controlInput("bias", 0f),
                    PortDescriptor.audioInput("in"), PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> a = data;
                case 1 -> bias = data;
                case 2 -> in = data;
                default -> out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            for (int i = offset; i < offset + frames; i++) {
                y += a[0] * (in[i] + bias[0] - y);
                out[i] = y;
            }
        }
    }

    /** Calls {@link World#acquire} from process, which an isolated synth may not do. */
    static final class AcquireInProcess extends Base {
        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
        }

        @Override
        public void process(World world, int offset, int frames) {
            world.acquire(0, TestResources.URI);
        }
    }

    /** Records the name of each thread that runs its process (a test of where isolated synths run). */
    static final class ThreadSpy extends NoPorts {
        @Override
        public void process(World world, int offset, int frames) {
            PROCESS_THREADS.add(Thread.currentThread().getName());
        }
    }

    /** A helper the OS does not run in time, played: see {@link #ISOLATED_STALL}. */
    static final class Stall extends NoPorts {
        @Override
        public void process(World world, int offset, int frames) {
            if (Thread.currentThread().getName().startsWith("methcla-dsp-") && STALL.compareAndSet(true, false)) {
                long until = System.nanoTime() + 30_000_000L;
                while (System.nanoTime() < until) {
                    java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
                }
            }
        }
    }

    /** Describes its ports once; every later ports() throws. */
    static final class PortsOnce extends Base {
        private boolean described;
        private float[] gain;
        private float[] out;

        @Override
        public List<PortDescriptor> ports() {
            if (described) {
                throw new IllegalStateException("ports() asked twice");
            }
            described = true;
            return List.of(PortDescriptor.controlInput("gain", 1f), PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            if (index == 0) {
                gain = data;
            } else {
                out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            java.util.Arrays.fill(out, offset, offset + frames, gain[0]);
        }
    }
}
