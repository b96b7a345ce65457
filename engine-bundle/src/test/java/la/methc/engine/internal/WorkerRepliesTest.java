package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import la.methc.api.WorldCommand;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.notify.WorkerPool;
import org.jctools.queues.MpscArrayQueue;
import org.junit.jupiter.api.Test;

/**
 * RT runs worker results and other replies in the order they were posted, also when both are posted while RT looks
 * at its two queues: the interleaving that once let a {@code /sync} relay overtake the construct result it had
 * waited for (a free during construct answered {@code /synced} before {@code /resource/destroyed}). The posts are
 * made by a hook at RT's first look, so the interleaving is certain, not left to the scheduler.
 */
class WorkerRepliesTest {

    private final EventBudget budget = new EventBudget(EngineOptions.from(Map.of("driver", "offline",
            "render.score", "-", "render.out", "-", "maxNodes", "4", "maxResources", "4")::get));
    private final JobLedger jobs = new JobLedger(new RtEvents(budget), new AtomicLong()::get, () -> false);
    /** What RT ran, in order. */
    private final List<String> ran = new ArrayList<>();
    /** Runs once, right after RT's first look at either queue. */
    private final AtomicReference<Runnable> betweenPeeks = new AtomicReference<>();
    private final HookedQueue results = new HookedQueue();
    private final HookedQueue others = new HookedQueue();
    private final WorkerReplies replies = new WorkerReplies(results, others, new WorkerPool(1, 16), jobs, budget,
            c -> c.perform(NO_WORLD, 0));
    /** What a recording command needs of RT: nothing, so every method answers null. */
    private static final RtContext NO_WORLD = (RtContext) Proxy.newProxyInstance(RtContext.class.getClassLoader(),
            new Class<?>[] {RtContext.class}, (proxy, method, args) -> null);

    /**
     * A queue that runs {@link #betweenPeeks} after its first peek, and that, while {@code writing}, shows its head
     * as a post under way does: its slot taken (not empty), the command not yet there (a peek finds nothing).
     */
    private final class HookedQueue extends MpscArrayQueue<Command> {
        boolean writing;

        HookedQueue() {
            super(16);
        }

        @Override
        public Command relaxedPeek() {
            Command c = writing ? null : super.relaxedPeek();
            Runnable hook = betweenPeeks.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            return c;
        }
    }

    /** A reply as the notifier relays a {@code /sync}: it only records that it ran. */
    private final class Relay extends PostedReply {
        Relay() {
            super("/sync", null);
        }

        @Override
        public void perform(RtContext rt, int offset) {
            ran.add("relay");
        }
    }

    private WorldCommand recording(String name) {
        return world -> ran.add(name);
    }

    @Test
    void aSyncRelayPostedAfterAResultRunsAfterIt() {
        betweenPeeks.set(() -> {
            assertTrue(replies.result(recording("construct result")));
            assertTrue(replies.relay(new Relay()));
        });
        replies.run();
        assertEquals(List.of("construct result", "relay"), ran);
    }

    @Test
    void aPluginCommandPostedBeforeItsJobsResultRunsBeforeIt() {
        betweenPeeks.set(() -> {
            assertTrue(replies.plugin(recording("plugin command")));
            assertTrue(replies.result(recording("perform result")));
        });
        replies.run();
        assertEquals(List.of("plugin command", "perform result"), ran);
    }

    /** Two workers post results: one may have taken its slot and not yet written it when the other's is seen. */
    @Test
    void aResultStillBeingWrittenHoldsBackTheRelayPostedAfterIt() {
        assertTrue(replies.result(recording("construct result")));
        assertTrue(replies.relay(new Relay()));
        assertHeldBackWhileWriting(results, List.of("construct result", "relay"));
    }

    @Test
    void aPluginCommandStillBeingWrittenHoldsBackItsJobsResult() {
        assertTrue(replies.plugin(recording("plugin command")));
        assertTrue(replies.result(recording("perform result")));
        assertHeldBackWhileWriting(others, List.of("plugin command", "perform result"));
    }

    /** While {@code queue}'s head is being written nothing runs; once it is there, all runs in {@code order}. */
    private void assertHeldBackWhileWriting(HookedQueue queue, List<String> order) {
        queue.writing = true;
        replies.run();
        assertEquals(List.of(), ran, "nothing runs while an older post may be under way");
        queue.writing = false;
        replies.run();
        assertEquals(order, ran);
    }

    @Test
    void postsOutsideTheLookRunInTheOrderPosted() {
        assertTrue(replies.relay(new Relay()));
        assertTrue(replies.result(recording("result")));
        assertTrue(replies.plugin(recording("plugin command")));
        replies.run();
        assertEquals(List.of("relay", "result", "plugin command"), ran);
    }
}
