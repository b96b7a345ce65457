package la.methc.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link CommandDef} needs to run a command: the Resources to hold while {@link #task} runs and how it
 * uses them (as in {@link World#performWithResources(int[], boolean[], boolean, ResourcePerform)}). The arrays
 * are copied in and out: a plan is a value.
 *
 * @param id        the id in the replies ({@code /done s:address i:id}, {@code /error}), usually the first
 *                  resource id
 * @param resources the Resource ids whose bodies the task gets, in this order (may be empty; the engine takes
 *                  at most 16)
 * @param writes    {@code writes[i]}: the task writes {@code resources[i]} (refused for an Immutable Resource);
 *                  null means no writes, else as long as {@code resources}
 * @param exclusive an in-place write: the dispatch is refused unless nobody else holds any of the Resources
 * @param task      the work, on a worker
 */
public record CommandPlan(int id, int[] resources, boolean[] writes, boolean exclusive, CommandTask task) {

    public CommandPlan {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(task, "task");
        resources = resources.clone();
        if (writes == null) {
            writes = new boolean[resources.length];
        } else if (writes.length != resources.length) {
            throw new IllegalArgumentException("writes has " + writes.length + " entries for " + resources.length
                    + " resources");
        } else {
            writes = writes.clone();
        }
    }

    /** A copy. */
    @Override
    public int[] resources() {
        return resources.clone();
    }

    /** A copy, never null. */
    @Override
    public boolean[] writes() {
        return writes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandPlan p && id == p.id && exclusive == p.exclusive
                && Arrays.equals(resources, p.resources) && Arrays.equals(writes, p.writes) && task.equals(p.task);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(resources), Arrays.hashCode(writes), exclusive, task);
    }

    @Override
    public String toString() {
        return "CommandPlan[id=" + id + ", resources=" + Arrays.toString(resources) + ", writes="
                + Arrays.toString(writes) + ", exclusive=" + exclusive + ", task=" + task + "]";
    }
}
