package la.methc.engine.internal;

import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.ResourcePerform;
import la.methc.api.ResourceStatus;
import la.methc.api.Synth;
import la.methc.api.World;
import la.methc.api.WorldCommand;
import la.methc.engine.internal.resource.SlotPool;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The engine as plugins see it: {@link World} on the RT thread, {@link Host} on the others (Methcla's world and
 * host tables, kept apart from the RT core). Each call goes to the part of the engine that answers it. World
 * methods: RT only; Host methods: any thread.
 */
final class PluginContext implements World, Host {

    private final EngineOptions options;
    private final NodeTree tree;
    private final SlotPool resources;
    private final SynthHooks hooks;
    private final JobLedger jobs;
    private final EventBudget budget;
    private final SampleRoot sampleRoot;
    private final LongSupplier frameTime;
    /** Posts a plugin's WorldCommand to RT (false when RT's reply queue is full). */
    private final Predicate<WorldCommand> replies;

    PluginContext(EngineOptions options, NodeTree tree, SlotPool resources, SynthHooks hooks, JobLedger jobs,
            EventBudget budget, LongSupplier frameTime, Predicate<WorldCommand> replies) {
        this.options = options;
        this.tree = tree;
        this.resources = resources;
        this.hooks = hooks;
        this.jobs = jobs;
        this.budget = budget;
        this.frameTime = frameTime;
        this.replies = replies;
        sampleRoot = new SampleRoot(options.sampleRoot());
    }

    @Override
    public double sampleRate() {
        return options.sampleRate();
    }

    @Override
    public int blockSize() {
        return options.blockSize();
    }

    @Override
    public double currentTime() {
        return (double) frameTime.getAsLong() / options.sampleRate();
    }

    @Override
    public void synthDone(Synth synth) {
        SynthNode current = hooks.current();
        if (current != null && current.synth() == synth) {
            tree.done(current);
            return;
        }
        // called outside the synth's own process (e.g. from a WorldCommand): find its node
        for (Node n = tree.root(); n != null; n = NodeTree.next(n, tree.root())) {
            if (n instanceof SynthNode s && s.synth() == synth) {
                tree.done(s);
                return;
            }
        }
    }

    /** A plugin's own job: not in the reserve, so it takes only what admitted work cannot need (false otherwise). */
    @Override
    public boolean performCommand(HostCommand command) {
        if (budget.channel().available() <= budget.floor()) {
            return false;
        }
        return jobs.post(command);
    }

    /** The hold belongs to the synth whose hook or process runs, else to the engine (ADR 0012). */
    @Override
    public Object acquire(int id, String expectedUri) {
        return resources.holds().acquire(id, expectedUri, hooks.holds());
    }

    @Override
    public ResourceStatus status(int id, String expectedUri) {
        return resources.inRange(id) ? resources.holds().status(id, expectedUri, hooks.holds())
                : resources.status(id, expectedUri);
    }

    /** Only a hold of the same holder is released; any other release is refused with a warning. */
    @Override
    public void release(int id) {
        resources.holds().release(id, hooks.holds());
    }

    @Override
    public ResourceStatus performWithResources(int[] ids, boolean[] writes, boolean exclusive,
            ResourcePerform perform) {
        return resources.performWithResources(ids, writes, exclusive, perform);
    }

    /** Any thread (a worker, typically). A reply from a worker job carries that job's origin. */
    @Override
    public boolean performCommand(WorldCommand command) {
        return replies.test(command);
    }

    /** Any thread. {@code path} confined to the sample root (option {@code sampleRoot}): see {@link SampleRoot}. */
    @Override
    public Path samplePath(String path) {
        return sampleRoot.resolve(path);
    }
}
