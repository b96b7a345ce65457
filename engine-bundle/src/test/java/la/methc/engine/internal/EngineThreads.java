package la.methc.engine.internal;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The threads the engine started (their names begin with {@code methcla}). */
final class EngineThreads {

    private EngineThreads() {
    }

    static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("methcla"))
                .collect(Collectors.toSet());
    }

    /** Names of the engine threads alive now and not in {@code before}, once none is left or after 5 s. */
    static Set<String> leftOver(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<Thread> left;
        do {
            left = alive();
            left.removeAll(before);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return left.stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
