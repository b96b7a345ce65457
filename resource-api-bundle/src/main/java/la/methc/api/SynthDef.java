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
}
