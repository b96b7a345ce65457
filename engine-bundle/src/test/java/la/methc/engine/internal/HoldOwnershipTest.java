package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourceStatus;
import la.methc.api.World;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.resource.SlotPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every hold has an owner (ADR 0012): a release by a holder that does not hold the id changes nothing, a hold from
 * an earlier life of a slot cannot touch the next one, holder tables and refcounts are bounded with a reason, and an
 * exclusive dispatch keeps its Resources to itself until it returns.
 */
@Timeout(30)
class HoldOwnershipTest {

    private static final String URI = TestResources.URI;
    /** Its attach throws; its detach releases option 0, which it never acquired. */
    private static final String ROGUE = "test:rogue";
    /** One resource port; its attach acquires options 0 … n-1 and records each status. */
    private static final String HOARDER = "test:hoarder";

    private static final List<ResourceStatus> HOARDED = new ArrayList<>();

    private static EngineHarness harness() {
        EngineHarness h = new EngineHarness();
        h.defs.add(TestSynths.def(ROGUE, o -> new Rogue(o.intAt(0))));
        h.defs.add(TestSynths.def(HOARDER, o -> {
            int[] ids = new int[o.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = o.intAt(i);
            }
            return new Hoarder(ids);
        }));
        return h;
    }

    /** A holder of {@code resource} playing its value on the left output. */
    private static void player(EngineHarness h, int id, int resource) {
        h.synthWith(TestSynths.HOLDER, id, 0, 1, resource);
        h.send("/synth/map/output", id, 0, 0, 1);
        h.send("/synth/activate", id);
        h.block();
    }

    /** Seen in the old engine: the rogue's release took the player's hold, and the buffer was destroyed under it. */
    @Test
    void aReleaseByANonHolderIsRefusedAndChangesNothing() {
        try (EngineHarness h = harness()) {
            h.newResource(URI, 1, 0.5f);
            player(h, 10, 1);
            h.send("/resource/free", 1); // free-pending: the player holds it
            h.synthWith(ROGUE, 11, 0, 1, 1);
            List<OSCMessage> got = h.sync();
            assertEquals(1, got.stream().filter(m -> m.getAddress().equals("/error")).count(), got.toString());
            assertEquals(List.of(URI, "live", 1), h.query(1), "the player's hold stays");
            assertEquals(0.5f, h.block()[0][0], "the player still plays it");
            h.send("/node/free", 10);
            got = h.sync();
            assertTrue(got.stream().anyMatch(m -> m.getAddress().equals("/resource/destroyed")), got.toString());
            // the engine (a release outside any synth) holds nothing either
            h.newResource(URI, 2);
            h.synthWith(TestSynths.HOLDER, 12, 0, 1, 2);
            h.block();
            h.engine.world().release(2);
            assertEquals(List.of(URI, "live", 1), h.query(2));
        }
    }

    /** A forced destroy leaves holds behind; once the id is reused, their late release touches nothing. */
    @Test
    void aHoldFromAnEarlierLifeCannotTouchAReusedSlot() {
        try (EngineHarness h = harness()) {
            h.newResource(URI, 3, 0.25f);
            assertNotNull(h.engine.world().acquire(3, URI), "the engine holds it (no synth runs)");
            ResourceDefEntry entry = h.resourceDefs.remove(h.res);
            assertTrue(h.engine.control().retire(entry, 5000, true), "force-destroyed with the engine's hold left");
            h.sync();
            assertEquals(List.of("", "free", 0), h.query(3));
            h.resourceDefs.add(h.res);
            h.newResource(URI, 3, 0.75f);
            player(h, 10, 3);
            assertEquals(List.of(URI, "live", 1), h.query(3));
            h.engine.world().release(3); // the late release of the old life
            assertEquals(List.of(URI, "live", 1), h.query(3), "the new life's refcount is untouched");
            h.send("/resource/free", 3);
            h.sync();
            assertEquals(List.of(URI, "live", 1), h.query(3), "free-pending while the synth holds it");
            assertEquals(0.75f, h.block()[0][0]);
        }
    }

    @Test
    void aSynthHoldsAtMostItsResourcePortsAndFourMore() {
        try (EngineHarness h = harness()) {
            for (int id = 0; id < 6; id++) {
                h.newResource(URI, id);
            }
            HOARDED.clear();
            h.synthWith(HOARDER, 10, 0, 1, 0, 1, 2, 3, 4, 5);
            h.block();
            assertEquals(List.of(ResourceStatus.OK, ResourceStatus.OK, ResourceStatus.OK, ResourceStatus.OK,
                    ResourceStatus.OK, ResourceStatus.HOLDER_FULL), HOARDED);
            assertEquals(List.of(URI, "live", 0), h.query(5), "the refused acquire changed nothing");
            h.send("/node/free", 10);
            h.sync();
            for (int id = 0; id < 5; id++) {
                assertEquals(List.of(URI, "live", 0), h.query(id), "the engine released what the synth kept");
            }
        }
    }

    @Test
    void theRefcountStopsAtItsBoundWithAReason() {
        try (EngineHarness h = harness()) {
            h.newResource(URI, 4);
            for (int i = 0; i < SlotPool.MAX_HOLDS; i++) {
                assertNotNull(h.engine.world().acquire(4, URI));
            }
            assertNull(h.engine.world().acquire(4, URI));
            assertEquals(ResourceStatus.HOLD_LIMIT, h.engine.world().status(4, URI));
            assertEquals(List.of(URI, "live", SlotPool.MAX_HOLDS), h.query(4));
            assertEquals(ResourceStatus.HOLD_LIMIT, h.engine.world().performWithResources(new int[] {4}, null, false,
                    (host, b) -> { }));
            h.engine.world().release(4);
            assertNotNull(h.engine.world().acquire(4, URI), "one released, one more fits");
        }
    }

    /** While an exclusive dispatch rewrites a Resource, nothing binds it: not a new synth, not a re-map. */
    @Test
    void anExclusiveDispatchKeepsItsResourcesUntilItReturns() throws Exception {
        try (EngineHarness h = harness()) {
            h.newResource(URI, 1, 0.5f);
            h.newResource(URI, 2, 0.25f);
            h.synthWith(TestSynths.HOLDER, 10, 0, 1, 2);
            h.block();
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, true, (host, b) -> {
                running.countDown();
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(running.await(5, TimeUnit.SECONDS));
            h.synthWith(TestSynths.HOLDER, 11, 0, 1, 1);
            OSCMessage error = h.until("/error");
            assertEquals(List.of("/synth/new", 11, "resource 1: resource is being rewritten by an exclusive command"),
                    error.getArguments());
            h.send("/node/set", 10, 1, 1); // re-map the other holder onto it: refused, the old binding stays
            h.blocks(2);
            assertEquals(List.of(URI, "live", 1), h.query(1), "only the dispatch holds it");
            assertEquals(List.of(URI, "live", 1), h.query(2));
            assertEquals(ResourceStatus.EXCLUSIVE_IN_USE, h.engine.world().performWithResources(new int[] {1}, null, false,
                    (host, b) -> { }));
            finish.countDown();
            h.sync();
            assertEquals(List.of(URI, "live", 0), h.query(1));
            h.synthWith(TestSynths.HOLDER, 11, 0, 1, 1);
            h.block();
            assertEquals(List.of(URI, "live", 1), h.query(1), "bound once the dispatch returned");
        }
    }

    @Test
    void anIdNamedTwiceInOneDispatchIsRefused() {
        try (EngineHarness h = harness()) {
            h.newResource(URI, 1);
            assertEquals(ResourceStatus.DUPLICATE_ID, h.engine.world().performWithResources(new int[] {1, 1}, null, false,
                    (host, b) -> { }));
            assertEquals(List.of(URI, "live", 0), h.query(1));
        }
    }

    private static final class Rogue extends TestSynths.NoPorts {
        private final int id;

        Rogue(int id) {
            this.id = id;
        }

        @Override
        public void attach(World world) {
            throw new IllegalStateException("rogue attach");
        }

        @Override
        public void detach(World world) {
            world.release(id);
        }

        @Override
        public void process(World world, int offset, int frames) {
        }
    }

    private static final class Hoarder extends TestSynths.NoPorts {
        private final int[] ids;

        Hoarder(int[] ids) {
            this.ids = ids;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.resourceInput("buf"));
        }

        @Override
        public void attach(World world) {
            for (int id : ids) {
                Object body = world.acquire(id, URI);
                HOARDED.add(body != null ? ResourceStatus.OK : world.status(id, URI));
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
        }
    }
}
