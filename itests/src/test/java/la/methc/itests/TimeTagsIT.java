package la.methc.itests;

import static la.methc.itests.HandMadeOsc.bundle;
import static la.methc.itests.HandMadeOsc.message;
import static la.methc.itests.HandMadeOsc.timeTag;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The built distribution ({@code bin/methcla --driver dummy}) from outside, as sclang, liblo or python-osc talk
 * to it: packets written byte by byte from the OSC 1.0 specification and sent over UDP, with NTP time tags
 * (seconds since 1900) and strict strings.
 */
public class TimeTagsIT {

    private static final Path WORK = Path.of("target/time-tags-it").toAbsolutePath();
    private static final String BUFFER = "http://methc.la/resources/AudioBuffer/v1";

    @BeforeClass
    public static void prepare() throws Exception {
        Files.createDirectories(WORK);
    }

    private static byte[] at(Instant t) {
        return timeTag(t.getEpochSecond(), t.getNano() / 1e9);
    }

    @Test
    public void ntpTaggedBundlesRunAtTheirTimeAndTheSchedulerCanBeClearedAndQueried() throws Exception {
        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla-ntp.log");
        Process engine = Launcher.start(WORK, log, Map.of(), "--port", Integer.toString(port), "--driver", "dummy");
        try (OscTestClient osc = OscTestClient.udp(port)) {
            Launcher.waitFor(log, "methcla ready udp 127.0.0.1:" + port, 20_000);
            osc.sendRaw(bundle(at(Instant.now()), message("/sync", 7)));
            assertEquals(List.of(7), osc.await("/synced", 2000).getArguments());

            osc.sendRaw(bundle(at(Instant.now().minusSeconds(5)), message("/sync", 8)));
            assertEquals("a late bundle runs at once", List.of(8), osc.await("/synced", 2000).getArguments());

            long sent = System.nanoTime();
            osc.sendRaw(bundle(at(Instant.now().plusMillis(100)), message("/sync", 9)));
            assertEquals(List.of(9), osc.await("/synced", 2000).getArguments());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertTrue("100 ms ahead, answered after " + ms + " ms", ms >= 80 && ms < 1000);

            osc.sendRaw(bundle(at(Instant.now().plusSeconds(2 * 86_400)), message("/sync", 10)));
            List<Object> error = osc.await("/error", 2000).getArguments();
            assertEquals(List.of("#bundle", -1), error.subList(0, 2));
            assertTrue(error.toString(), error.get(2).toString().matches(
                    "bundle time tag is 17(27|28)\\d\\d\\.\\d s ahead; the limit is one day \\(86400 s\\)"));

            osc.sendRaw(bundle(at(Instant.now().plusSeconds(10)), message("/sync", 11)));
            osc.sendRaw(message("/scheduler/query"));
            assertEquals(List.of(1, 16384), osc.await("/scheduler/info", 2000).getArguments());
            osc.sendRaw(message("/scheduler/clear"));
            assertEquals(List.of("/scheduler/clear"), osc.await("/done", 2000).getArguments());
            osc.sendRaw(message("/scheduler/query"));
            assertEquals(List.of(0, 16384), osc.await("/scheduler/info", 2000).getArguments());
            String rest = OscTestClient.describe(osc.drain(200));
            assertTrue("neither the refused nor the cleared bundle ran: " + rest, !rest.contains("/synced"));

            osc.send("/quit");
            osc.await("/done");
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        } finally {
            engine.destroyForcibly();
        }
    }

    /** {@code /buffer/write i:13 s:"a\0b.wav"}: bytes after the terminator, in the padding; once it wrote {@code a}. */
    @Test
    public void aStringWithBytesInItsPaddingIsMalformedAndWritesNoFile() throws Exception {
        Path samples = WORK.resolve("samples");
        if (Files.exists(samples)) {
            try (Stream<Path> files = Files.list(samples)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(samples);
        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla-strings.log");
        Process engine = Launcher.start(WORK, log, Map.of(), "--port", Integer.toString(port), "--driver", "dummy",
                "--sample-root", samples.toString());
        try (OscTestClient osc = OscTestClient.udp(port)) {
            Launcher.waitFor(log, "methcla ready udp 127.0.0.1:" + port, 20_000);
            Launcher.waitFor(log, "bound ResourceDef " + BUFFER, 10_000);
            Launcher.waitFor(log, "bound CommandDef /buffer/write", 10_000);
            osc.sendRaw(message("/resource/new", BUFFER, 13, 1, 64));
            assertEquals(List.of(13), osc.await("/resource/ready").getArguments());
            osc.sendRaw(message("/buffer/write", 13, "ok.wav"));
            assertEquals(List.of("/buffer/write", 13), osc.await("/done").getArguments());

            osc.sendRaw(message("/buffer/write", 13, "a\0b.wav"));
            assertEquals(List.of("", -1, "malformed OSC packet: string argument \"a\" has \\x62 in its padding (only NUL "
                    + "bytes may follow a string's terminator)"), osc.await("/error").getArguments());
            osc.send("/sync", 1);
            osc.await("/synced");
            try (Stream<Path> files = Files.list(samples)) {
                assertEquals(List.of("ok.wav"), files.map(f -> f.getFileName().toString()).toList());
            }
            osc.send("/quit");
            osc.await("/done");
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        } finally {
            engine.destroyForcibly();
        }
    }
}
