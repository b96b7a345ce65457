package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import la.methc.api.Host;
import la.methc.api.ResourceStatus;
import la.methc.osc.NtpTime;
import la.methc.engine.internal.resource.ReleaseListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a review of ADR 0012 found: bundles scheduled ahead cannot keep immediate requests out, a job's WorldCommands
 * run before its result, and an /error with no sender still counts against a render.
 */
@Timeout(60)
class ReviewFindingsTest {

    private static List<OSCPacket> queries(int n) {
        List<OSCPacket> packets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            packets.add(EngineHarness.msg("/resource/query", 2));
        }
        return packets;
    }

    private static OSCTimeTag64 inTenMinutes() {
        return OSCTimeTag64.valueOf(NtpTime.fromUnixNanos(System.currentTimeMillis() * 1_000_000L
                + TimeUnit.MINUTES.toNanos(10)));
    }

    @Test
    void bundlesScheduledAheadCannotKeepImmediateRequestsOut() {
        try (EngineHarness h = new EngineHarness(Map.of("driver", "dummy"))) {
            h.dispatcher.onPacket(new OSCBundle(queries(40_000), inTenMinutes()), h.client);
            h.blocks(2);
            // a second one would hold more than the scheduler's share of the pool: refused whole
            h.dispatcher.onPacket(new OSCBundle(queries(30_000), inTenMinutes()), h.client);
            OSCMessage refused = h.until("/error");
            assertTrue(refused.getArguments().get(2).toString().startsWith("bundles scheduled ahead would hold more"),
                    refused.getArguments().toString());
            // an immediate bundle of 30,000, then /scheduler/clear and /status: all answered at once
            h.dispatcher.onPacket(new OSCBundle(queries(30_000)), h.client);
            h.send("/scheduler/clear");
            h.send("/status");
            h.until("/status.reply");
            List<OSCMessage> got = h.client.takeAll();
            assertEquals(30_000, got.stream().filter(m -> m.getAddress().equals("/resource/info")).count());
            assertEquals(1, got.stream().filter(m -> m.getAddress().equals("/done")).count(), "/scheduler/clear");
        }
    }

    @Test
    void aJobsWorldCommandsRunBeforeItsResult() {
        try (EngineHarness h = new EngineHarness()) {
            h.newResource(TestResources.URI, 1);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            class Perform implements la.methc.api.ResourcePerform, ReleaseListener {
                @Override
                public void perform(Host host, Object[] bodies) {
                    host.performCommand((la.methc.api.WorldCommand) world -> order.add("world command"));
                }

                @Override
                public void released() {
                    order.add("released");
                }
            }
            assertEquals(ResourceStatus.OK, h.engine.world().performWithResources(new int[] {1}, null, false,
                    new Perform()));
            h.sync();
            assertEquals(List.of("world command", "released"), order);
        }
    }

    @Test
    void anErrorWithNoSenderCountsAgainstARender() {
        try (EngineHarness h = new EngineHarness()) {
            RenderLog log = new RenderLog();
            h.engine.clients().register(log); // as EngineRuntime.render does
            h.synth(TestSynths.THROW, 10, 0, 1);
            h.send("/synth/activate", 10);
            h.blocks(3);
            h.sync();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (log.errors() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, log.errors(), "the /synth/process error of a synth that threw");
        }
    }
}
