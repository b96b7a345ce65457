package la.methc.client;

/** Where a new node goes relative to its target (docs/osc-api.md, {@code /group/new}, {@code /synth/new}). */
public enum AddAction {
    /** At the head of the target group. */
    HEAD,
    /** At the tail of the target group. */
    TAIL,
    /** Just before the target node. */
    BEFORE,
    /** Just after the target node. */
    AFTER;

    /** The number on the wire: 0 head, 1 tail, 2 before, 3 after. */
    public int code() {
        return ordinal();
    }
}
