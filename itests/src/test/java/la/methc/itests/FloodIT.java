package la.methc.itests;

import static org.junit.Assert.assertEquals;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The built distribution under one large TCP bundle, driven with OSC bytes written by hand ({@link HandMadeOsc}): every
 * request is answered, and {@code /synced} comes after all of it (ADR 0012). On the engine before it, a bundle of
 * 6,000 queries got about 4,400 answers and no {@code /synced}.
 */
public class FloodIT {

    private static final Path WORK = Path.of("target/flood-it").toAbsolutePath();
    private static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";

    private static Process engine;
    private static int port;

    @BeforeClass
    public static void start() throws Exception {
        Files.createDirectories(WORK);
        port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        engine = Launcher.start(WORK, log, Map.of(), "--port", Integer.toString(port), "--driver", "dummy");
        Launcher.waitFor(log, "methcla ready", 30_000);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (engine != null) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write(HandMadeOsc.frame(HandMadeOsc.message("/quit")));
            }
            if (!engine.waitFor(20, TimeUnit.SECONDS)) {
                engine.destroyForcibly();
            }
        }
    }

    /** Sends {@code packets} on a new connection and counts the replies by address until {@code /synced id}. */
    private static Map<String, Integer> sendAndCount(int syncId, byte[]... packets) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            for (byte[] p : packets) {
                out.write(HandMadeOsc.frame(p));
            }
            out.write(HandMadeOsc.frame(HandMadeOsc.message("/sync", syncId)));
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            while (true) {
                byte[] r = HandMadeOsc.read(in);
                String address = HandMadeOsc.address(r);
                if (address.equals("/synced") && HandMadeOsc.firstInt(r) == syncId) {
                    return counts;
                }
                counts.merge(address, 1, Integer::sum);
            }
        }
    }

    private static byte[] queries(int n) {
        byte[][] elements = new byte[n][];
        Arrays.fill(elements, HandMadeOsc.message("/resource/query", 9));
        return HandMadeOsc.bundle(HandMadeOsc.immediately(), elements);
    }

    @Test
    public void sixThousandQueriesInOneBundleAreAnsweredThenSynced() throws Exception {
        assertEquals(Map.of("/resource/info", 6000), sendAndCount(4242, queries(6000)));
    }

    @Test
    public void twentyThousandQueriesInOneBundleAreAnsweredThenSynced() throws Exception {
        assertEquals(Map.of("/resource/info", 20_000), sendAndCount(20, queries(20_000)));
    }

    /** On the engine before, {@code /resource/ready} never came in some runs, crowded out of the event pool. */
    @Test
    public void aBufferIsReadyAmongFiveThousandStatusReplies() throws Exception {
        List<byte[]> elements = new ArrayList<>();
        elements.add(HandMadeOsc.message("/resource/new", AUDIO_BUFFER, 1, 1, 24000));
        byte[] status = HandMadeOsc.message("/status");
        for (int i = 0; i < 5000; i++) {
            elements.add(status);
        }
        Map<String, Integer> got = sendAndCount(5, HandMadeOsc.bundle(HandMadeOsc.immediately(), elements.toArray(new byte[0][])));
        assertEquals(Map.of("/status.reply", 5000, "/resource/ready", 1), got);
        assertEquals(Map.of("/resource/destroyed", 1), sendAndCount(6, HandMadeOsc.message("/resource/free", 1)));
    }
}
