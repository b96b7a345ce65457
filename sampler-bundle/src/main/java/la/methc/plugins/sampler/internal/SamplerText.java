package la.methc.plugins.sampler.internal;

/**
 * The descriptions of the sampler synths ({@code toString}). A class of its own so that {@link Play} and
 * {@link Record}, which run on RT, hold no String constant that their constructors have not resolved already:
 * when HotSpot compiles a method with C2, the thread that asked for the compile (here the RT thread, after some
 * thousand blocks) resolves, i.e. allocates, every unresolved String constant of the method's class.
 */
final class SamplerText {

    private SamplerText() {
    }

    static String play(int bufferId, int channels) {
        return "play[buffer " + bufferId + ", " + channels + " ch]";
    }

    static String record(int bufferId, int channels) {
        return "record[buffer " + bufferId + ", " + channels + " ch]";
    }
}
