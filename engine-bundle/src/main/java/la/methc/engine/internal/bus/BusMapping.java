package la.methc.engine.internal.bus;

/** The flags of {@code /synth/map/input} and {@code /synth/map/output} (Methcla's values). */
public final class BusMapping {

    /** Map to a hardware bus instead of an internal one. */
    public static final int EXTERNAL = 1;
    /** Input: read the bus even if not written this block (a one-block feedback loop). */
    public static final int FEEDBACK = 2;
    /** Output: replace the bus contents instead of mixing into them. */
    public static final int REPLACE = 4;

    public static final int ALL = EXTERNAL | FEEDBACK | REPLACE;

    private BusMapping() {
    }
}
