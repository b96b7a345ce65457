package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SuperCollider's multi-core server, supernova: scsynth's commands, the same defs, on a JACK server of its own as
 * scsynth's. Two differences: the voices' group is a parallel group ({@code /p_new}: its synths may run on any of
 * supernova's DSP threads, {@code -T} of them), and its block threads are JACK's process thread (named
 * {@code Jack Helper}, whose callback computes as DSP thread 0) and its helpers {@code DSP Thread 1…}; their CPU
 * time together is its load in cores. Its late blocks are jackd's {@code JackEngine::XRun} reports, as scsynth's.
 */
final class SupernovaServer extends ScsynthServer {

    /** /p_new add action: tail of the target group. */
    private static final int TAIL = 1;

    /**
     * @param executable {@code supernova}
     * @param jackLog the output of the jackd supernova runs on
     * @param log supernova's own output
     */
    SupernovaServer(Path executable, Path jackLog, Path log) {
        super(executable, jackLog, log);
    }

    @Override
    public String name() {
        return "supernova";
    }

    /** Its busiest thread is JACK's process thread, which also computes (parallel groups spread from it). */
    @Override
    public String blockThread() {
        return null;
    }

    /**
     * One {@code /d_recv} per def: supernova 3.13 reads no variant count after a def (its {@code sc_synthdef.cpp}),
     * so in a file of several defs every def after the first starts 2 bytes early and is refused as corrupted.
     */
    @Override
    List<OSCMessage> defMessages() {
        List<OSCMessage> each = new ArrayList<>();
        for (byte[] file : SynthDefs.files()) {
            each.add(Osc.msg("/d_recv", (Object) file));
        }
        return each;
    }

    @Override
    public List<String> dspThreads() {
        return List.of("Jack Helper", "DSP Thread");
    }

    /** A parallel group: {@code /p_new id addAction target}, at the tail of the root group. */
    @Override
    public OSCMessage newGroup(int id) {
        return Osc.msg("/p_new", id, TAIL, 0);
    }
}
