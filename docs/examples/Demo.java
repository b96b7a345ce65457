import java.nio.file.Path;
import java.util.List;
import la.methc.client.AddAction;
import la.methc.client.Bundle;
import la.methc.client.Controls;
import la.methc.client.Flags;
import la.methc.client.Score;

/**
 * A 16-second piece for {@code methcla render}, written with the client library's {@link Score} builder: a saw
 * arpeggio, each note gated by an envelope, through a lowpass whose cutoff sweeps up and down, a delay on a buffer
 * the score allocates and an auto-pan, plus {@code pluck.wav} (the distribution's sample root) played on the
 * downbeats and panned apart, all into a reverb on hardware outputs 0 and 1. See README.md beside it.
 *
 * <p>Usage: {@code java -cp <client jars> Demo.java [demo.osc]}.
 */
public class Demo {

    static final String P = "http://methc.la/plugins/";
    static final String BUFFER = "http://methc.la/resources/AudioBuffer/v1";

    // groups: the sources (notes, sample players) run before the effects in every block
    static final int SOURCES = 1, EFFECTS = 2;
    // effect nodes
    static final int FILTER = 10, DELAY = 11, PAN = 12, PLUCK_PAN = 13, REVERB = 14;
    // internal buses (flags 0): notes → 1 → filter → 2 → delay → 3 → pan → 4, 5 → reverb; plucks → 6 → pan → 4, 5
    static final int NOTES = 1, FILTERED = 2, DELAYED = 3, LEFT = 4, RIGHT = 5, PLUCKS = 6;
    // resources: the delay's line (1 s, mono) and the sample
    static final int LINE = 0, PLUCK = 1;

    static final double STEP = 0.25;              // eighth notes at 120 bpm
    static final int STEPS = 56;                  // 14 s of notes
    static final double END = 16.0;               // then 2 s for the echoes and the reverb to fade
    // an A minor arpeggio, two bars per chord: Am, F, C, G
    static final int[][] CHORDS = {{57, 60, 64, 69}, {53, 57, 60, 65}, {48, 55, 60, 64}, {55, 59, 62, 67}};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "demo.osc");
        Score score = new Score();
        score.at(0, b -> b.add("/resource/new", BUFFER, LINE, 1, 48000)
                .add("/resource/new", BUFFER, PLUCK, "pluck.wav")
                .newGroup(SOURCES, 0, AddAction.TAIL)
                .newGroup(EFFECTS, 0, AddAction.TAIL));
        // a resource is live from the block after its /resource/new: the chain starts a block later
        score.at(0.01, Demo::effects);
        int node = 100;
        for (int k = 0; k < STEPS; k++) {
            double t = 0.02 + k * STEP;
            int[] chord = CHORDS[(k / 8) % CHORDS.length];
            int midi = chord[k % 4] + (k % 8 >= 4 ? 12 : 0);
            int osc = node++, env = node++;
            int play = k % 8 == 0 ? node++ : -1;
            // the cutoff sweeps from 300 Hz up to 4 kHz and back over each 4 s, in steps a note apart
            double phase = (k * STEP % 4.0) / 4.0;
            float cutoff = (float) (300 * Math.pow(4000 / 300.0, 1 - Math.abs(2 * phase - 1)));
            // the line pans from left to right and back over each 3.5 s
            float pos = (float) (0.7 * Math.sin(2 * Math.PI * k * STEP / 3.5));
            // on each bar the pluck: left at its own pitch, then right a fifth up
            boolean left = k % 16 == 0;
            // bundles go in time order: all of step k, then its gate closing, before step k + 1
            score.at(t, b -> {
                note(b, osc, env, midi);
                b.set(FILTER, "cutoff", cutoff).set(PAN, "pos", pos);
                if (play >= 0) {
                    b.newSynth(P + "play", play, SOURCES, AddAction.TAIL, Controls.of("rate", left ? 1f : 1.5f),
                                    List.of(PLUCK))
                            .mapOutput(play, 0, PLUCKS, 0)
                            .doneFlags(play, Flags.FREE_SELF)
                            .set(PLUCK_PAN, "pos", left ? -0.6f : 0.6f)
                            .activate(play);
                }
            });
            score.at(t + 0.6 * STEP, b -> b.set(env, "gate", 0f));
        }
        score.at(END, b -> b.free(SOURCES).free(EFFECTS).add("/resource/free", LINE).add("/resource/free", PLUCK));
        score.write(out);
        System.out.println("wrote " + out + ": " + END + " s");
    }

    /** The effects, in the order they run: filter, delay, the two pans, the reverb (on hardware outputs 0, 1). */
    static void effects(Bundle b) {
        b.newSynth(P + "filter", FILTER, EFFECTS, AddAction.TAIL, Controls.of("cutoff", 300f).set("q", 3f),
                        List.of(0)) // i:mode 0, lowpass
                .mapInput(FILTER, 0, NOTES, 0).mapOutput(FILTER, 0, FILTERED, 0)
                .newSynth(P + "delay", DELAY, EFFECTS, AddAction.TAIL,
                        Controls.of("time", 0.375f).set("feedback", 0.45f).set("mix", 0.35f), List.of(LINE))
                .mapInput(DELAY, 0, FILTERED, 0).mapOutput(DELAY, 0, DELAYED, 0)
                .newSynth(P + "pan", PAN, EFFECTS, AddAction.TAIL)
                .mapInput(PAN, 0, DELAYED, 0).mapOutput(PAN, 0, LEFT, 0).mapOutput(PAN, 1, RIGHT, 0)
                .newSynth(P + "pan", PLUCK_PAN, EFFECTS, AddAction.TAIL)
                .mapInput(PLUCK_PAN, 0, PLUCKS, 0).mapOutput(PLUCK_PAN, 0, LEFT, 0).mapOutput(PLUCK_PAN, 1, RIGHT, 0)
                .newSynth(P + "reverb", REVERB, EFFECTS, AddAction.TAIL,
                        Controls.of("room", 0.8f).set("damp", 0.4f).set("mix", 0.2f), List.of())
                .mapInput(REVERB, 0, LEFT, 0).mapInput(REVERB, 1, RIGHT, 0)
                .mapOutput(REVERB, 0, 0, Flags.BUS_EXTERNAL).mapOutput(REVERB, 1, 1, Flags.BUS_EXTERNAL);
        for (int id : new int[] {FILTER, DELAY, PAN, PLUCK_PAN, REVERB}) {
            b.activate(id);
        }
    }

    /**
     * One note: a saw at MIDI note {@code midi} into an envelope, which frees itself and the saw (just before it)
     * at the end of its release. The envelopes mix into bus {@link #NOTES}; each saw has a bus of its own.
     */
    static void note(Bundle b, int osc, int env, int midi) {
        float freq = (float) (440 * Math.pow(2, (midi - 69) / 12.0));
        int bus = 10 + osc % 8; // notes overlap by their release: never two saws on one bus
        b.newSynth(P + "oscillator", osc, SOURCES, AddAction.TAIL, Controls.of("freq", freq).set("amp", 0.3f),
                        List.of(1)) // i:shape 1, saw
                .mapOutput(osc, 0, bus, 0)
                .newSynth(P + "envelope", env, SOURCES, AddAction.TAIL, Controls.none(),
                        List.of(0.005f, 0.08f, 0.6f, 0.25f)) // attack, decay, sustainLevel, release
                .mapInput(env, 0, bus, 0).mapOutput(env, 0, NOTES, 0)
                .doneFlags(env, Flags.FREE_SELF | Flags.FREE_PRECEDING)
                .activate(osc).activate(env);
    }
}
