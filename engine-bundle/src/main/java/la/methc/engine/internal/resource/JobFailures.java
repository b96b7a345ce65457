package la.methc.engine.internal.resource;

import java.util.Arrays;
import la.methc.api.ResourcePerform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of what can go wrong in worker jobs: logs and reasons for {@code /resource/error}. Worker threads
 * only.
 *
 * <p>Why a class of its own: the job classes also run on RT (their {@code perform(World)}), and when HotSpot
 * compiles a method with C2 the requesting thread resolves every String constant of the method's class,
 * allocating them. Keeping the text here keeps the job classes free of String constants, so a late JIT
 * compile on the RT thread allocates nothing. {@link SlotWarnings} does the same for the slot pool.
 */
final class JobFailures {

    private static final Logger LOG = LoggerFactory.getLogger(JobFailures.class);

    private JobFailures() {
    }

    /** Worker. The reason when construct returned null. */
    static String constructedNothing(ResourceDefEntry def) {
        return def.uri() + " constructed no resource";
    }

    /** Worker. The reason when construct refused its arguments. */
    static String constructRefused(ResourceDefEntry def, IllegalArgumentException e) {
        return def.uri() + ": " + e.getMessage();
    }

    /** Worker. Logs a construct that threw and returns the reason. */
    static String constructThrew(int id, ResourceDefEntry def, Throwable e) {
        LOG.warn("construct of resource {} ({}) failed", id, def.uri(), e);
        return def.uri() + " failed to construct: " + e;
    }

    /** Worker. */
    static void destroyThrew(int id, ResourceDefEntry def, Throwable e) {
        LOG.error("destroy of resource {} ({}) threw, though it must not fail; the slot is freed anyway", id,
                def.uri(), e);
    }

    /** Worker. */
    static void performThrew(ResourcePerform perform, int[] ids, int count, Throwable e) {
        LOG.error("performWithResources callback {} on resources {} failed", perform,
                Arrays.toString(Arrays.copyOf(ids, count)), e);
    }
}
