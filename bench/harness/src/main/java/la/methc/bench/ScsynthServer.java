package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * SuperCollider's scsynth (Server Command Reference), with the defs of {@link SynthDefs}. Its late blocks are
 * the JACK server's "client was not finished" reports; its dropped commands the "command FIFO full" lines of
 * its own output.
 */
class ScsynthServer implements ServerUnderTest {

    /** /s_new add action: tail of the target group. */
    private static final int TAIL = 1;

    private final Path executable;
    private final LogCounter xruns;
    private final LogCounter fifoFull;

    /**
     * @param executable {@code scsynth}, for offline renders
     * @param jackLog the output of the jackd scsynth runs on
     * @param scsynthLog scsynth's own output
     */
    ScsynthServer(Path executable, Path jackLog, Path scsynthLog) {
        this.executable = executable;
        this.xruns = new LogCounter(jackLog, "JackEngine::XRun");
        this.fifoFull = new LogCounter(scsynthLog, "command FIFO full");
    }

    @Override
    public String name() {
        return "scsynth";
    }

    /** Every scsynth thread is called scsynth: the busiest one is JACK's process thread. */
    @Override
    public String blockThread() {
        return null;
    }

    @Override
    public boolean isError(OSCMessage m) {
        return m.getAddress().equals("/fail");
    }

    @Override
    public void prepare(OscClient client) throws IOException {
        client.send(Osc.msg("/notify", 1));
        client.await(Reply.of("/done", "/notify"), 2000);
        for (OSCMessage def : defMessages()) {
            client.send(def);
            client.await(Reply.of("/done", "/d_recv"), 5000);
        }
    }

    /** The {@code /d_recv}s that load the defs: one with all of them. */
    List<OSCMessage> defMessages() {
        return List.of(defs());
    }

    private static OSCMessage defs() {
        return Osc.msg("/d_recv", (Object) SynthDefs.file());
    }

    /** {@code /status.reply i:1 i:ugens i:synths i:groups i:defs f:avgCPU% f:peakCPU% d:nominalSR d:actualSR}. */
    @Override
    public Status status(OSCMessage reply) {
        List<Object> a = reply.getArguments();
        return new Status((Integer) a.get(2), ((Number) a.get(5)).doubleValue() / 100,
                ((Number) a.get(6)).doubleValue() / 100);
    }

    @Override
    public long lateBlocks(OscClient client) throws IOException {
        return xruns.count();
    }

    @Override
    public long droppedCommands() throws IOException {
        return fifoFull.count();
    }

    @Override
    public List<OSCMessage> newBuffer(int id, int frames) {
        return List.of(Osc.msg("/b_alloc", id, frames, 1));
    }

    @Override
    public Reply bufferReady(int id) {
        return Reply.of("/done", "/b_alloc", id);
    }

    @Override
    public OSCMessage freeBuffer(int id) {
        return Osc.msg("/b_free", id);
    }

    @Override
    public Reply bufferFreed(int id) {
        return Reply.of("/done", "/b_free", id);
    }

    /** One buffer per query: one {@code /b_info} per {@code /b_query}. */
    @Override
    public OSCMessage queryBuffer(int id) {
        return Osc.msg("/b_query", id);
    }

    @Override
    public Reply bufferInfo(int id) {
        return Reply.of("/b_info", id);
    }

    @Override
    public List<OSCMessage> newSine(int id, float freq, float amp) {
        return List.of(Osc.msg("/s_new", SynthDefs.SINE, id, TAIL, 0, "freq", freq, "amp", amp, "out", 0));
    }

    /** Control 1 of {@code methcla_sine} is freq. */
    @Override
    public OSCMessage setFreq(int id, float freq) {
        return Osc.msg("/n_set", id, 1, freq);
    }

    @Override
    public OSCMessage freeNode(int id) {
        return Osc.msg("/n_free", id);
    }

    @Override
    public Reply nodeEnded(int id) {
        return Reply.of("/n_end", id);
    }

    @Override
    public OSCMessage newGroup(int id) {
        return Osc.msg("/g_new", id, TAIL, 0);
    }

    @Override
    public List<OSCMessage> recordSine(int buffer, int firstNode, float amp) {
        return List.of(Osc.msg("/s_new", SynthDefs.RECORD, firstNode, TAIL, 0, "bufnum", buffer, "amp", amp));
    }

    @Override
    public List<OSCMessage> newPlayVoice(int id, int group, int buffer, float rate, int out) {
        return List.of(Osc.msg("/s_new", SynthDefs.PLAY, id, TAIL, group, "bufnum", buffer, "rate", rate, "out", out));
    }

    @Override
    public List<OSCMessage> scoreStart(int buffer, int frames) {
        return List.of(defs(), Osc.msg("/b_alloc", buffer, frames, 1));
    }

    /** A no-op (control bus 0 := 0) that marks the end. */
    @Override
    public OSCMessage scoreEnd() {
        return Osc.msg("/c_set", 0, 0f);
    }

    @Override
    public List<String> renderCommand(Path score, Path out, int maxNodes) {
        return List.of(executable.toString(), "-N", score.toString(), "_", out.toString(), "48000", "WAV", "float",
                "-z", "64", "-i", "0", "-o", "2", "-m", "262144", "-n", String.valueOf(maxNodes), "-D", "0");
    }
}
