package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The security-related defaults and the {@code allow} option as it flows in from configuration. */
class EngineOptionsTest {

    @Test
    void bindsLoopbackAndAllowsEveryClientByDefault() {
        EngineOptions o = EngineOptions.defaults();
        assertEquals("127.0.0.1", o.bind());
        assertTrue(o.allow().isEmpty());
    }

    @Test
    void allowIsParsedFromItsKey() throws Exception {
        EngineOptions o = EngineOptions.from(Map.of("bind", "0.0.0.0", "allow", " 10.0.0.0/8 , ::1 ")::get);
        assertTrue(o.allow().allows(InetAddress.getByName("10.1.2.3")));
        assertTrue(o.allow().allows(InetAddress.getByName("::1")));
        assertFalse(o.allow().allows(InetAddress.getByName("192.168.0.1")));
        assertEquals("10.0.0.0/8,::1", o.withPort(0).withDriver("dummy").allow().toString(), "kept by the copies");
    }

    @Test
    void aMalformedEntryFailsWithTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.from(Map.of("allow", "10.0.0.1,my-laptop")::get));
        assertTrue(e.getMessage().startsWith("allow: 'my-laptop': not an IP address literal"), e.getMessage());
    }

    @Test
    void renderThreadsDefaultToTheCoresAndMustBePositive() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.min(8, cores), EngineOptions.defaults().renderThreads());
        assertEquals(3, EngineOptions.from(Map.of("render.threads", "3")::get).renderThreads());
        assertEquals(3, EngineOptions.from(Map.of("render.threads", "3")::get).withDriver("dummy").renderThreads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.from(Map.of("render.threads", "0")::get));
        assertEquals("render.threads must be positive: 0", e.getMessage());
    }

    @Test
    void maxClientsDefaultsToScsynthsLoginsAndMustBePositive() {
        assertEquals(64, EngineOptions.defaults().maxClients());
        assertEquals(3, EngineOptions.from(Map.of("maxClients", "3")::get).withPort(0).withDriver("dummy").maxClients());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.from(Map.of("maxClients", "0")::get));
        assertEquals("maxClients must be positive: 0", e.getMessage());
    }

    @Test
    void dspThreadsDefaultToTheCoresWithRealTimePriorityAndServeOnlyRealTimeDrivers() {
        EngineOptions live = EngineOptions.defaults();
        assertEquals(1, live.dspThreads(), "at normal priority: RT alone");
        assertEquals(Math.min(8, Runtime.getRuntime().availableProcessors()),
                EngineOptions.from(Map.of("rtPriority", "10")::get).dspThreads(), "with real-time priority: the cores");
        assertEquals(3, EngineOptions.from(Map.of("rtPriority", "10", "dspThreads", "3")::get).dspThreads());
        assertEquals(live.dspThreads(), live.synthThreads());
        EngineOptions o = EngineOptions.from(Map.of("dspThreads", "4", "render.threads", "3")::get);
        assertEquals(4, o.synthThreads(), "javasound: dspThreads");
        assertEquals(4, o.withDriver("dummy").synthThreads(), "dummy: dspThreads");
        assertEquals(3, EngineOptions.from(Map.of("dspThreads", "4", "render.threads", "3", "driver", "offline",
                "render.score", "s.osc", "render.out", "o.wav")::get).synthThreads(), "offline: render.threads");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.from(Map.of("dspThreads", "0")::get));
        assertEquals("dspThreads must be positive: 0", e.getMessage());
    }

    @Test
    void rtPriorityIsOffUnlessAskedAndAFifoPriority() {
        assertEquals(0, EngineOptions.defaults().rtPriority());
        assertEquals(10, EngineOptions.from(Map.of("rtPriority", "10")::get).rtPriority());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.from(Map.of("rtPriority", "100")::get));
        assertEquals("rtPriority must be 0 (none) or a SCHED_FIFO priority from 1 to 99: 100", e.getMessage());
    }

    @Test
    void aParallelRunHasAMinimumLength() {
        assertEquals(EngineOptions.DEFAULT_RENDER_MIN_RUN, EngineOptions.defaults().renderMinRun());
        assertEquals(8, EngineOptions.from(Map.of("render.minRun", "8")::get).renderMinRun());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.from(Map.of("render.minRun", "1")::get));
        assertEquals("render.minRun must be at least 2: 1", e.getMessage());
    }
}
