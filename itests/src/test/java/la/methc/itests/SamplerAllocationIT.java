package la.methc.itests;

import static la.methc.itests.OscTestClient.msg;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The real-time rule with the sampler, in Felix with the real bundles on the dummy driver (paced in real
 * time): one AudioBuffer, a looping record synth writing a sine into it and 500 looping play synths reading it
 * (1 channel, linear and cubic interpolation by turns, rates 1.001 to 1.05, mixed into the hardware outputs).
 * After a warm-up of {@value #WARMUP_MS} ms the RT thread ({@code methcla-rt}) must allocate 0 bytes over
 * {@value #MEASURED_BLOCKS} blocks (about 13 s), measured with
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}. The blocks are counted by a counter synth at the
 * tail of the tree. The cubic voices use {@code Math.fma} where the VM makes it an instruction (elsewhere it
 * allocates), so this also holds the play synth to its probe; and, once warm, the kernel's vector form (ADR 0016),
 * which failsafe's VM has as a server has it.
 *
 * <p>The warm-up is short for a JIT: the methods run once per block ({@code Engine.process},
 * {@code Record.process}) reach C2 only some 5,000 blocks (7 s) in, often inside the measured window. That is
 * enough because the steady-state path allocates nothing whether interpreted or compiled, and because the classes
 * on it keep no unresolved String constant: before a C2 compile the requesting thread, here the RT thread,
 * resolves every String constant of the method's class (64 to 360 bytes here before they were moved out). What the
 * warm-up must cover is the first run of each path (class loading and linking on the RT thread). The test takes
 * about 21 s; the client speaks TCP, as freeing 500 synths answers 500 {@code /node/ended} at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SamplerAllocationIT {

    private static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";
    private static final String SINE = "http://methc.la/plugins/sine";
    private static final String RECORD = "http://methc.la/plugins/record";
    private static final String PLAY = "http://methc.la/plugins/play";
    private static final String COUNTER = "test:block-counter";
    private static final int PLAYERS = 500;
    private static final int BUFFER = 1;
    private static final int SINE_ID = 2;
    private static final int RECORD_ID = 3;
    private static final int FIRST_PLAYER = 10;
    private static final int COUNTER_ID = FIRST_PLAYER + PLAYERS;
    private static final long WARMUP_MS = 6_000;
    private static final int MEASURED_BLOCKS = 10_000;

    @Inject
    private BundleContext context;

    private ServiceRegistration<SynthDef> counterDef;
    private OscTestClient osc;

    @Configuration
    public Option[] config() {
        return Provisioning.felix(Map.of("driver", "dummy", "port", Integer.toString(Provisioning.freePort())));
    }

    @Before
    public void connect() throws Exception {
        counterDef = context.registerService(SynthDef.class, Counter.def(), null);
        // TCP: freeing 500 synths answers 500 /node/ended at once, more than a UDP socket may keep
        long deadline = System.currentTimeMillis() + 15_000;
        while (osc == null) {
            try {
                osc = OscTestClient.tcp(Integer.getInteger("methcla.port"));
            } catch (java.net.ConnectException notYet) {
                assertTrue("the engine never listened on TCP", System.currentTimeMillis() < deadline);
                Thread.sleep(100);
            }
        }
        awaitEngine();
        osc.send("/notify", 1);
        osc.await("/done");
    }

    @After
    public void disconnect() throws Exception {
        osc.send("/group/freeAll", 0);
        osc.send("/resource/free", BUFFER);
        osc.sync();
        osc.close();
        counterDef.unregister();
    }

    /** The engine answers, and has bound the sampler, the AudioBuffer and the counter. */
    private void awaitEngine() throws Exception {
        osc.awaitEngine(15_000);
        osc.awaitBound(15_000, o -> {
            o.send("/resource/new", AUDIO_BUFFER, 0); // refused by the def (no shape) once it is bound
            o.send("/synth/new", PLAY, 1, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(-1))); // refused: bad buffer
            o.send("/synth/new", COUNTER, 1, 0, 1, new ArrayList<>(), new ArrayList<>());
            o.send("/node/free", 1);
        }, got -> OscTestClient.has(got, "/resource/error") && OscTestClient.hasError(got, "/synth/new", "buffer (option 0)")
                && !OscTestClient.hasError(got, null, COUNTER), "the sampler, the AudioBuffer or the counter");
    }

    @Test
    public void theRtThreadAllocatesNothingWith500PlaySynthsAndARecordSynth() throws Exception {
        long t0 = System.nanoTime();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        osc.send("/resource/new", AUDIO_BUFFER, BUFFER, 1, 48000);
        assertEquals(List.of(BUFFER), osc.await("/resource/ready").getArguments());
        List<OSCPacket> setup = new ArrayList<>();
        // a sine on internal bus 0, recorded in a loop; the players after the recorder; the counter last
        setup.add(msg("/synth/new", SINE, SINE_ID, 0, 1, list(440f, 0.5f), list()));
        setup.add(msg("/synth/map/output", SINE_ID, 0, 0, 0));
        setup.add(msg("/synth/new", RECORD, RECORD_ID, 0, 1, list(1f), list(BUFFER)));
        setup.add(msg("/synth/map/input", RECORD_ID, 0, 0, 0));
        setup.add(msg("/synth/activate", SINE_ID));
        setup.add(msg("/synth/activate", RECORD_ID));
        osc.send(new OSCBundle(setup));
        for (int k = 0; k < PLAYERS; k += 20) {
            List<OSCPacket> voices = new ArrayList<>();
            for (int i = k; i < Math.min(PLAYERS, k + 20); i++) {
                int id = FIRST_PLAYER + i;
                voices.add(msg("/synth/new", PLAY, id, 0, 1, list(1.0f + 0.001f * (1 + i % 50), 1f),
                        list(BUFFER, 1, 1 + i % 2))); // linear and cubic (fused where the CPU can) by turns
                voices.add(msg("/synth/map/output", id, 0, i % 2, 1));
                voices.add(msg("/synth/activate", id));
            }
            osc.send(new OSCBundle(voices));
        }
        osc.send(msg("/synth/new", COUNTER, COUNTER_ID, 0, 1, list(), list()));
        osc.send("/synth/activate", COUNTER_ID);
        osc.sync();
        List<OSCMessage> errors = errors(osc.drain(50));
        assertEquals(OscTestClient.describe(errors), 0, errors.size());
        osc.send("/status");
        assertEquals(PLAYERS + 3, osc.await("/status.reply").getArguments().get(0));
        assertEquals(List.of(BUFFER, AUDIO_BUFFER, "live", PLAYERS + 1), query(BUFFER));

        Thread rt = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("methcla-rt"))
                .findFirst().orElse(null);
        assertNotNull("no thread named methcla-rt", rt);
        Counter counter = Counter.made;
        assertNotNull("the counter synth was not made", counter);

        // the cubic kernel's vector form turns on once its warm-up thread has seen it compiled (failsafe gives the
        // VM jdk.incubator.vector, as bin/methcla does): measured after that, when the play synths run it
        long warm = System.nanoTime() + 60_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("methcla-vector-warm-up"))) {
            assertTrue("the vector kernel's warm-up never ended", System.nanoTime() < warm);
            Thread.sleep(50);
        }
        Thread.sleep(WARMUP_MS);
        osc.send("/status"); // resets the peak load
        osc.await("/status.reply");
        long firstBlock = counter.blocks;
        long before = threads.getThreadAllocatedBytes(rt.getId());
        long deadline = System.nanoTime() + 60_000_000_000L;
        // where allocation happened, if it did: the block (from the measurement's start) and the bytes
        List<String> increments = new ArrayList<>();
        long last = before;
        while (counter.blocks < firstBlock + MEASURED_BLOCKS) {
            assertTrue("the engine stopped computing blocks", System.nanoTime() < deadline);
            Thread.sleep(10);
            long now = threads.getThreadAllocatedBytes(rt.getId());
            if (now != last) {
                increments.add("block " + (counter.blocks - firstBlock) + ": +" + (now - last));
                last = now;
            }
        }
        long after = threads.getThreadAllocatedBytes(rt.getId());
        long blocks = counter.blocks - firstBlock;
        osc.send("/status");
        List<Object> status = osc.await("/status.reply").getArguments();
        System.out.printf("RT allocation: %d bytes over %d blocks with %d play synths and a record synth "
                + "(average load %.3f, peak %.3f; %.1f s in all)%n", after - before, blocks, PLAYERS, status.get(3),
                status.get(4), (System.nanoTime() - t0) / 1e9);

        assertEquals("every synth still runs", PLAYERS + 3, status.get(0));
        errors = errors(osc.drain(50));
        assertEquals(OscTestClient.describe(errors), 0, errors.size());
        assertEquals("bytes allocated by the RT thread over " + blocks + " blocks (" + increments + ")", 0,
                after - before);
    }

    private static List<OSCMessage> errors(List<OSCMessage> messages) {
        return messages.stream().filter(m -> m.getAddress().endsWith("error")).toList();
    }

    private List<Object> query(int id) throws Exception {
        osc.send("/resource/query", id);
        return osc.await("/resource/info").getArguments();
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    /** A synth with no ports that counts the blocks it computes; the last one made is {@link #made}. */
    static final class Counter implements Synth {

        static volatile Counter made;

        volatile long blocks;

        static SynthDef def() {
            return new SynthDef() {
                @Override
                public String uri() {
                    return COUNTER;
                }

                @Override
                public Synth construct(Host host, OscArgs options) {
                    Counter c = new Counter();
                    made = c;
                    return c;
                }
            };
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of();
        }

        @Override
        public void connect(int index, float[] data) {
        }

        /** RT. */
        @Override
        public void process(World world, int offset, int count) {
            blocks++;
        }
    }
}
