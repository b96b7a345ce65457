package la.methc.engine.internal;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import la.methc.engine.internal.osc.TcpTransport;
import la.methc.engine.internal.osc.UdpTransport;

/** The threads the engine started (their names begin with {@code methcla}). */
final class EngineThreads {

    private EngineThreads() {
    }

    static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("methcla"))
                .collect(Collectors.toSet());
    }

    /**
     * The engine threads alive once it serves its OSC port: the receive threads start only after the plugins are
     * bound, on a thread of the runtime's, so shortly after {@code start}. Waits for them at most 5 s.
     */
    static Set<Thread> serving() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<String> receivers = Set.of(UdpTransport.THREAD_NAME, TcpTransport.THREAD_NAME);
        while (!alive().stream().map(Thread::getName).collect(Collectors.toSet()).containsAll(receivers)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return alive();
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
