package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Methcla/J's OSC vocabulary (docs/osc-api.md). */
final class MethclaServer implements ServerUnderTest {

    static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";
    static final String SINE = "http://methc.la/plugins/sine";
    static final String PLAY = "http://methc.la/plugins/play";
    static final String RECORD = "http://methc.la/plugins/record";
    /** Done flags: free the synth and the node before it. */
    private static final int FREE_SELF_AND_PRECEDING = 3;
    /** /synth/map flag: a hardware bus. */
    private static final int EXTERNAL = 1;
    /** The play synth's interpolation option: cubic, as scsynth's PlayBuf. */
    private static final int CUBIC = 2;

    private final Path launcher;

    /** @param launcher the distribution's {@code bin/methcla}, for offline renders */
    MethclaServer(Path launcher) {
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "Methcla/J";
    }

    /** The RT thread of every driver. */
    @Override
    public String blockThread() {
        return "methcla-rt";
    }

    /**
     * The RT thread and the DSP threads that compute isolated synths beside it within a block ({@code --dsp-threads},
     * issue 18), which must be named {@code methcla-dsp…} to be counted.
     */
    @Override
    public List<String> dspThreads() {
        return List.of("methcla-rt", "methcla-dsp");
    }

    @Override
    public boolean isError(OSCMessage m) {
        return m.getAddress().equals("/error") || m.getAddress().equals("/resource/error");
    }

    @Override
    public void prepare(OscClient client) throws IOException {
        client.send(Osc.msg("/notify", 1));
        client.await(Reply.of("/done", "/notify"), 2000);
    }

    /** {@code /status.reply i:synths i:groups i:resources f:avgLoad f:peakLoad i:lateBlocks d:sr i:blockSize}. */
    @Override
    public Status status(OSCMessage reply) {
        List<Object> a = reply.getArguments();
        return new Status((Integer) a.get(0), ((Number) a.get(3)).doubleValue(), ((Number) a.get(4)).doubleValue());
    }

    @Override
    public long lateBlocks(OscClient client) throws IOException {
        client.send(Osc.msg("/status"));
        return ((Number) client.await(Reply.of("/status.reply"), 2000).getArguments().get(5)).longValue();
    }

    @Override
    public long droppedCommands() {
        return 0; // a command the engine cannot queue is answered with an /error, counted as one
    }

    @Override
    public List<OSCMessage> newBuffer(int id, int frames) {
        return List.of(Osc.msg("/resource/new", AUDIO_BUFFER, id, 1, frames));
    }

    @Override
    public Reply bufferReady(int id) {
        return Reply.of("/resource/ready", id);
    }

    @Override
    public OSCMessage freeBuffer(int id) {
        return Osc.msg("/resource/free", id);
    }

    @Override
    public Reply bufferFreed(int id) {
        return Reply.of("/resource/destroyed", id);
    }

    @Override
    public OSCMessage queryBuffer(int id) {
        return Osc.msg("/resource/query", id);
    }

    @Override
    public Reply bufferInfo(int id) {
        return Reply.of("/resource/info", id);
    }

    @Override
    public List<OSCMessage> newSine(int id, float freq, float amp) {
        return List.of(Osc.msg("/synth/new", SINE, id, 0, 1, Osc.list(freq, amp), Osc.list()),
                Osc.msg("/synth/map/output", id, 0, 0, EXTERNAL),
                Osc.msg("/synth/activate", id));
    }

    @Override
    public OSCMessage setFreq(int id, float freq) {
        return Osc.msg("/node/set", id, 0, freq);
    }

    @Override
    public OSCMessage freeNode(int id) {
        return Osc.msg("/node/free", id);
    }

    @Override
    public Reply nodeEnded(int id) {
        return Reply.of("/node/ended", id);
    }

    @Override
    public OSCMessage newGroup(int id) {
        return Osc.msg("/group/new", id, 0, 1);
    }

    /** A sine on internal bus 0 and a recorder (loop 0) reading it; the recorder ends both when full. */
    @Override
    public List<OSCMessage> recordSine(int buffer, int firstNode, float amp) {
        int sine = firstNode;
        int recorder = firstNode + 1;
        return List.of(Osc.msg("/synth/new", SINE, sine, 0, 1, Osc.list(440f, amp), Osc.list()),
                Osc.msg("/synth/map/output", sine, 0, 0, 0),
                Osc.msg("/synth/new", RECORD, recorder, 0, 1, Osc.list(0f, 0f), Osc.list(buffer)),
                Osc.msg("/synth/map/input", recorder, 0, 0, 0),
                Osc.msg("/synth/property/doneFlags/set", recorder, FREE_SELF_AND_PRECEDING),
                Osc.msg("/synth/activate", sine),
                Osc.msg("/synth/activate", recorder));
    }

    @Override
    public List<OSCMessage> newPlayVoice(int id, int group, int buffer, float rate, int out) {
        return List.of(
                Osc.msg("/synth/new", PLAY, id, group, 1, Osc.list(rate, 1f), Osc.list(buffer, 1, CUBIC)),
                Osc.msg("/synth/map/output", id, 0, out, EXTERNAL),
                Osc.msg("/synth/activate", id));
    }

    @Override
    public List<OSCMessage> scoreStart(int buffer, int frames) {
        return newBuffer(buffer, frames);
    }

    @Override
    public OSCMessage scoreEnd() {
        return Osc.msg("/sync", 0);
    }

    @Override
    public List<String> renderCommand(Path score, Path out, int maxNodes) {
        return new ArrayList<>(List.of(launcher.toString(), "render", score.toString(), out.toString(),
                "--sample-rate", "48000", "--block-size", "64", "--max-nodes", String.valueOf(maxNodes)));
    }
}
