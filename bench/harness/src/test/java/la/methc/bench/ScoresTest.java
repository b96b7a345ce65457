package la.methc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import la.methc.engine.internal.driver.Score;
import la.methc.osc.OscCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The voice scores of both servers read back as the engine's score reader reads them. */
class ScoresTest {

    @TempDir
    Path dir;

    @Test
    void methclaScoreStartsTheVoicesTheBlockAfterTheBuffer() throws Exception {
        Score score = write(new MethclaServer(Path.of("methcla")), 300, 60);
        List<OSCMessage> all = messages(score);
        assertEquals("/resource/new", all.get(0).getAddress());
        assertEquals(300, count(all, "/synth/new", MethclaServer.PLAY));
        assertEquals(0.0, score.entries().get(0).seconds());
        assertEquals(OfflineRender.START, score.entries().get(1).seconds(), 1e-6);
        assertEquals(60 * 48000, score.lastFrame());
        assertEquals("/sync", all.get(all.size() - 1).getAddress());
    }

    @Test
    void scsynthScoreCarriesItsDefsAndBundlesStayBelowTheLimit() throws Exception {
        Score score = write(new ScsynthServer(Path.of("scsynth"), dir, dir), 1000, 10);
        List<OSCMessage> all = messages(score);
        assertEquals("/d_recv", all.get(0).getAddress());
        assertEquals("/b_alloc", all.get(1).getAddress());
        assertEquals(1000, count(all, "/s_new", SynthDefs.PLAY));
        assertEquals(1, count(all, "/s_new", SynthDefs.RECORD));
        for (Score.Entry e : score.entries().subList(1, score.entries().size())) {
            assertTrue(OscCodec.encode(e.bundle()).limit() <= Osc.MAX_BUNDLE_BYTES, "bundle size");
        }
    }

    private Score write(ServerUnderTest server, int voices, double seconds) throws Exception {
        Path file = dir.resolve(server.name().replace('/', '_') + ".osc");
        OfflineRender.writeScore(server, file, voices, seconds);
        assertTrue(Files.size(file) > 0);
        return Score.read(file, 48000);
    }

    private static List<OSCMessage> messages(Score score) {
        List<OSCMessage> all = new ArrayList<>();
        for (Score.Entry e : score.entries()) {
            for (OSCPacket p : e.bundle().getPackets()) {
                all.add((OSCMessage) p);
            }
        }
        return all;
    }

    private static int count(List<OSCMessage> all, String address, String def) {
        int n = 0;
        for (OSCMessage m : all) {
            if (m.getAddress().equals(address) && m.getArguments().get(0).equals(def)) {
                n++;
            }
        }
        return n;
    }
}
