package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import la.methc.client.AddAction;
import la.methc.client.MethclaClient;
import la.methc.client.ServerException;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The delay plugin in the built distribution (dummy driver): its delay line bound from the option and re-bound
 * by {@code /node/set} on the {@code buffer} port, its controls set by name, its holds released when freed, a bad
 * option refused with {@code /error}. Its audio is checked by the plugin's unit tests.
 */
public class DelayIT {

    private static final Path WORK = Path.of("target/delay-it").toAbsolutePath();
    private static final String DELAY = "http://methc.la/plugins/delay";
    private static final long WAIT = 10;

    private static Process engine;
    private static MethclaClient client;

    @BeforeClass
    public static void start() throws Exception {
        Files.createDirectories(WORK);
        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        engine = Launcher.serve(WORK, log, port);
        client = MethclaClient.udp("127.0.0.1", port).timeout(Duration.ofSeconds(WAIT));
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (engine != null) {
                engine.destroyForcibly();
            }
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    private static int refcount(int resource) throws Exception {
        return await(client.queryResource(resource)).refcount();
    }

    @Test
    public void bindsItsLineSetsByNameAndReleasesWhenFreed() throws Exception {
        int a = client.resourceIds().next();
        int b = client.resourceIds().next();
        await(client.allocBuffer(a, 1, 48000));
        await(client.allocBuffer(b, 1, 4800));
        int delay = client.nodeIds().next();
        await(client.confirm(x -> x.newSynth(DELAY, delay, 0, AddAction.TAIL, List.of(0.1f, 0.5f, 0.5f), List.of(a))
                .mapInput(delay, 0, 20, 0).mapOutput(delay, 0, 21, 0).activate(delay)));
        assertEquals(1, refcount(a));
        await(client.confirm(x -> x.set(delay, "time", 0.05f).set(delay, "feedback", -0.4f).set(delay, "mix", 1f)));
        await(client.confirm(x -> x.setResource(delay, "buffer", b)));
        assertEquals(0, refcount(a));
        assertEquals(1, refcount(b));
        // a delay with no line, bound by parameter number 0
        int dry = client.nodeIds().next();
        await(client.confirm(x -> x.newSynth(DELAY, dry, 0, AddAction.TAIL).activate(dry).setResource(dry, 0, a)));
        assertEquals(1, refcount(a));
        client.free(delay);
        client.free(dry);
        await(client.sync());
        assertEquals(0, refcount(a));
        assertEquals(0, refcount(b));
        await(client.freeResource(a));
        await(client.freeResource(b));
    }

    @Test
    public void aBadOptionIsRefused() throws Exception {
        int node = client.nodeIds().next();
        try {
            await(client.confirm(x -> x.newSynth(DELAY, node, 0, AddAction.TAIL, List.of(), List.of(-3))));
            fail("expected /error");
        } catch (ExecutionException e) {
            ServerException s = (ServerException) e.getCause();
            assertTrue(s.reason(), s.reason().contains("buffer (option 0) must be a resource id >= 0"));
        }
    }
}
