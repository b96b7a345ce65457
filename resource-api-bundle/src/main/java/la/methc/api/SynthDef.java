package la.methc.api;

/**
 * A kind of {@link Synth}, registered as an OSGi service by its plugin bundle and addressed by URI in
 * {@code /synth/new}.
 */
public interface SynthDef {

    /** Plugin URIs of the bundled plugins start with this. */
    String PLUGINS_URI = "http://methc.la/plugins";

    /** The URI clients name in {@code /synth/new}, e.g. {@code http://methc.la/plugins/sine}. */
    String uri();

    /**
     * NRT (the network thread that decoded {@code /synth/new}). Parses the options array and builds a new
     * instance, with its port list, which may depend on the options. Allocation belongs here, never in
     * {@link Synth#process}.
     *
     * @throws IllegalArgumentException with a reason the client sees in {@code /error} when the options are bad
     */
    Synth construct(Host host, OscArgs options);

    /**
     * Whether every {@link Synth} of this def is <em>isolated</em> in {@link Synth#process}: it reads only its
     * connected ports and the Resource bodies it cached in attach or remap, writes only its own fields and its
     * output ports, and calls no {@link World} method but {@code sampleRate}, {@code blockSize},
     * {@code currentTime} and {@code synthDone}. The engine may then run the {@code process} of such synths on
     * a helper thread, beside other isolated synths of the same group that read no bus (an offline render spreads
     * them over the machine's cores). It still never calls one synth from two threads at once, runs every other
     * method on RT, and writes the outputs to the buses in tree order, so the audio is the same bit for bit.
     * Called once, when the def is bound. Default false: process runs on RT only.
     */
    default boolean isolated() {
        return false;
    }
}
