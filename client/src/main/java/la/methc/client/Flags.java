package la.methc.client;

/** The bit flags of the OSC API: bus mapping and done flags (docs/osc-api.md). Combine them with {@code |}. */
public final class Flags {

    /** {@code /synth/map/…}: the bus is a hardware input or output, not an internal bus. */
    public static final int BUS_EXTERNAL = 1;
    /** {@code /synth/map/input}: read what the bus held in the previous block when not yet written in this one. */
    public static final int BUS_FEEDBACK = 2;
    /** {@code /synth/map/output}: replace the bus's contents instead of mixing into them. */
    public static final int BUS_REPLACE = 4;
    /** {@code /synth/map/…}: the bus number that unmaps the port. */
    public static final int UNMAP = -1;

    /** Done flags: free the synth itself. */
    public static final int FREE_SELF = 1;
    /** Done flags: free the node before it. */
    public static final int FREE_PRECEDING = 2;
    /** Done flags: free the node after it. */
    public static final int FREE_FOLLOWING = 4;
    /** Done flags: free all its siblings. */
    public static final int FREE_SIBLINGS = 8;
    /** Done flags: free its parent group. */
    public static final int FREE_PARENT = 16;
    /** Done flags: send {@code /node/done}. */
    public static final int NOTIFY = 32;

    private Flags() {
    }
}
