package la.methc.api;

/**
 * Whether a Resource's body may change after construction (decided per ResourceDef, ADR 0004).
 */
public enum Mutability {
    /**
     * Writes are allowed and not policed: RT writers are ordered by the node tree; NRT writers should
     * process into a fresh Resource, or dispatch with {@code exclusive = true}.
     */
    MUTABLE,
    /** The engine refuses every write access; a modification is a new Resource with a new id. */
    IMMUTABLE
}
