package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One server's OSC vocabulary for the figures of the side-by-side table: the figures are written once against
 * this, so both servers run the identical client code path and only the messages differ.
 */
interface ServerUnderTest {

    /** The name in the table. */
    String name();

    /** The name of the thread that computes the blocks, or null when it has none of its own. */
    String blockThread();

    /**
     * The names (or name prefixes, Linux comm) of all the threads that compute its blocks, whose CPU time adds up
     * to its load in cores ({@link ThreadCpu#cores}); empty: its busiest thread alone.
     */
    default List<String> dspThreads() {
        String one = blockThread();
        return one == null ? List.of() : List.of(one);
    }

    /** Whether {@code m} reports a refused command ({@code /error}, {@code /fail}, …). */
    boolean isError(OSCMessage m);

    /** Registers for notifications and loads what the figures need (scsynth: the SynthDefs). */
    void prepare(OscClient client) throws IOException;

    /** Parses {@code /status.reply}. */
    Status status(OSCMessage reply);

    /** Blocks computed late so far: a counter whose increase over a window counts. */
    long lateBlocks(OscClient client) throws IOException;

    /** Commands the server dropped without answering so far (scsynth: "command FIFO full"); a counter. */
    long droppedCommands() throws IOException;

    /** Allocates a 1-channel buffer of {@code frames} frames. */
    List<OSCMessage> newBuffer(int id, int frames);

    Reply bufferReady(int id);

    OSCMessage freeBuffer(int id);

    Reply bufferFreed(int id);

    /** A sine synth at the tail of the root group, playing into hardware output 0. */
    List<OSCMessage> newSine(int id, float freq, float amp);

    /** Sets the sine's frequency. */
    OSCMessage setFreq(int id, float freq);

    OSCMessage freeNode(int id);

    Reply nodeEnded(int id);

    /** A group at the tail of the root group. */
    OSCMessage newGroup(int id);

    /** Queries buffer {@code id}: {@code /resource/query i:id} vs {@code /b_query id}. */
    OSCMessage queryBuffer(int id);

    /** The answer to {@link #queryBuffer}: {@code /resource/info i:id …} vs {@code /b_info id …}. */
    Reply bufferInfo(int id);

    /** Synths (ids from {@code firstNode}) that record 1 s of a sine into {@code buffer} once, then end. */
    List<OSCMessage> recordSine(int buffer, int firstNode, float amp);

    /** A looping 1-channel play synth of {@code buffer} at the tail of {@code group}, into output {@code out}. */
    List<OSCMessage> newPlayVoice(int id, int group, int buffer, float rate, int out);

    /** The messages a score starts with, at time 0 (scsynth: the defs too). */
    List<OSCMessage> scoreStart(int buffer, int frames);

    /** The message of the score's last bundle, which sets its length. */
    OSCMessage scoreEnd();

    /** The command that renders {@code score} offline to a 2-channel 32-bit float WAV. */
    List<String> renderCommand(Path score, Path out, int maxNodes);
}
