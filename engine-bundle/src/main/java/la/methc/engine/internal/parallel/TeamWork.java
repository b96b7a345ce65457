package la.methc.engine.internal.parallel;

/**
 * Work RT hands to the helpers of its {@link Team} for one block: a run of isolated synths ({@link ParallelSynths}),
 * or the children of a parallel group ({@link ParallelGroups}). Each kind keeps its own fields; the team only says
 * when they are out and who may read them.
 */
interface TeamWork {

    /**
     * A helper, as part {@code part} of the team: its share of the work handed out in generation {@code generation}
     * (what RT filled in before it published that generation), with the helper's own world. Returns when nothing is
     * left for it to do; RT does not fill in new work until it has returned.
     */
    void help(int part, long generation, IsolatedWorld world);
}
