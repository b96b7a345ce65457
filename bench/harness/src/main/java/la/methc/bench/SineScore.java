package la.methc.bench;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import la.methc.client.Score;

/**
 * A score for {@code methcla render}: {@code synths} sines (100 Hz, 101 Hz, …) from 0 s, alternately on
 * hardware outputs 0 and 1, at a level that keeps the mix below 1; the end at {@code seconds}.
 */
final class SineScore {

    private SineScore() {
    }

    static void write(Path out, int synths, double seconds) throws IOException {
        List<OSCMessage> start = new ArrayList<>();
        float amp = 0.5f / Math.max(1, synths);
        for (int i = 0; i < synths; i++) {
            int id = 1 + i;
            start.add(Osc.msg("/synth/new", MethclaServer.SINE, id, 0, 1, Osc.list(100f + i, amp), Osc.list()));
            start.add(Osc.msg("/synth/map/output", id, 0, i % 2, 1));
            start.add(Osc.msg("/synth/activate", id));
        }
        Score score = new Score();
        for (OSCBundle b : Osc.bundles(start)) {
            score.at(0.0, x -> b.getPackets().forEach(x::add));
        }
        score.at(seconds, x -> x.add(Osc.msg("/sync", 0)));
        score.write(out);
    }
}
