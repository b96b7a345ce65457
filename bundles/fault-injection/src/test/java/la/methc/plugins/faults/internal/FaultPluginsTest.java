package la.methc.plugins.faults.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.plugins.testkit.BlockRunner;
import la.methc.plugins.testkit.RtAllocation;
import la.methc.plugins.testkit.TestHost;
import org.junit.jupiter.api.Test;

/** Each fault plugin is healthy up to the one point where it breaks, and breaks there as documented. */
class FaultPluginsTest {

    private static final TestHost HOST = new TestHost(48000, 64);

    @Test
    void processThrowsAfterItsHealthyBlocks() {
        BlockRunner r = BlockRunner.of(new ProcessThrowsDef(), OscArgs.of(3), 48000, 64);
        assertEquals(0.25f, r.run(3)[0][191], "three healthy blocks of its level");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.run(1));
        assertEquals("injected fault: process", e.getMessage());
        BlockRunner error = BlockRunner.of(new ProcessThrowsDef(), OscArgs.of(0, Faults.ERROR), 48000, 64);
        assertThrows(AssertionError.class, () -> error.run(1));
    }

    @Test
    void nanOutputTurnsToNaNAfterItsHealthyBlocks() {
        BlockRunner r = BlockRunner.of(new NanOutputDef(), OscArgs.of(2), 48000, 64);
        float[] out = r.run(3)[0];
        assertEquals(0.25f, out[127], "two healthy blocks of its level");
        assertTrue(Float.isNaN(out[128]), "then NaN");
        assertTrue(Float.isNaN(BlockRunner.of(new NanOutputDef(), OscArgs.empty(), 48000, 64).run(1)[0][0]),
                "by default from its first block");
    }

    @Test
    void processAllocatesAllocatesInEveryBlockAndOtherwiseWorks() throws InterruptedException {
        BlockRunner r = BlockRunner.of(new ProcessAllocatesDef(), OscArgs.empty(), 48000, 64);
        assertEquals(0.25f, r.run(1)[0][63]);
        Synth s = r.synth();
        RtAllocation.Measured m = RtAllocation.measure(n -> {
            for (int i = 0; i < n; i++) {
                s.process(r, 0, 64);
            }
        }, 1000, 1000);
        assertTrue(m.bytes() >= 1000L * 64 * Float.BYTES, "a float[64] a block: " + m.bytes());
    }

    @Test
    void lifecycleFaultsBreakWhereTheirNameSays() {
        assertThrows(IllegalStateException.class, () -> new ConstructThrowsDef().construct(HOST, OscArgs.empty()));
        assertThrows(AssertionError.class, () -> new ConstructThrowsDef().construct(HOST, OscArgs.of(Faults.ERROR)));
        assertNull(new ConstructNullDef().construct(HOST, OscArgs.empty()));
        BlockRunner attach = BlockRunner.of(new AttachThrowsDef(), OscArgs.empty(), 48000, 64);
        assertThrows(IllegalStateException.class, attach::attach);
        BlockRunner activate = BlockRunner.of(new ActivateThrowsDef(), OscArgs.empty(), 48000, 64).attach();
        assertThrows(IllegalStateException.class, () -> activate.run(1));
        BlockRunner destroy = BlockRunner.of(new DestroyThrowsDef(), OscArgs.of(Faults.ERROR), 48000, 64);
        assertEquals(0.25f, destroy.run(2)[0][100]);
        assertThrows(AssertionError.class, () -> destroy.synth().destroy(HOST));
    }

    @Test
    void brokenPortsBreakInPortsOrConnect() {
        BrokenPortsDef def = new BrokenPortsDef();
        assertThrows(IllegalStateException.class, () -> def.construct(HOST, OscArgs.of("ports-throw")).ports());
        assertNull(def.construct(HOST, OscArgs.of("ports-null")).ports());
        assertNull(def.construct(HOST, OscArgs.of("port-null")).ports().get(1));
        assertThrows(IllegalStateException.class,
                () -> def.construct(HOST, OscArgs.of("connect-throws")).connect(1, new float[64]));
        assertThrows(IllegalArgumentException.class, () -> def.construct(HOST, OscArgs.of("nope")));
    }

    @Test
    void theResourceDefFailsAsItsModeSays() {
        FaultyResourceDef def = new FaultyResourceDef();
        Object ok = def.construct(HOST, OscArgs.empty());
        def.destroy(HOST, ok);
        assertThrows(IllegalStateException.class, () -> def.construct(HOST, OscArgs.of("construct-throws")));
        assertThrows(IllegalArgumentException.class, () -> def.construct(HOST, OscArgs.of("construct-refuses")));
        assertNull(def.construct(HOST, OscArgs.of("construct-null")));
        Object doomed = def.construct(HOST, OscArgs.of("destroy-throws"));
        assertThrows(IllegalStateException.class, () -> def.destroy(HOST, doomed));
    }

    @Test
    void holdHoldsItsResourcesFromAttachToDetach() {
        BlockRunner r = BlockRunner.of(new HoldDef(), OscArgs.of(2, 3), 48000, 64)
                .resource(2, FaultyResourceDef.URI, new FaultyResource(false))
                .resource(3, FaultyResourceDef.URI, new FaultyResource(false));
        assertEquals(0.25f, r.run(1)[0][0]);
        assertEquals(1, r.refcount(2));
        assertEquals(1, r.refcount(3));
        r.detach();
        assertEquals(0, r.refcount(2));
        assertEquals(0, r.refcount(3));
        assertInstanceOf(HoldSynth.class, r.synth());
    }
}
