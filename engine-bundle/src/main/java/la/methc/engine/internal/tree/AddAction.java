package la.methc.engine.internal.tree;

/** Where a new node goes relative to its target (Methcla's and scsynth's codes). */
public final class AddAction {

    public static final int HEAD = 0;
    public static final int TAIL = 1;
    public static final int BEFORE = 2;
    public static final int AFTER = 3;

    public static boolean isValid(int action) {
        return action >= HEAD && action <= AFTER;
    }

    private AddAction() {
    }
}
