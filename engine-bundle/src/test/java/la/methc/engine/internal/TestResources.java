package la.methc.engine.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import la.methc.api.Host;
import la.methc.api.Mutability;
import la.methc.api.OscArgs;
import la.methc.api.ResourceDef;

/**
 * A ResourceDef for engine tests. {@code /resource/new uri id [f:value] [s:mode]}: mode {@code ok} (default),
 * {@code null} (construct returns null), {@code throw} (IllegalArgumentException "bad size"), {@code crash}
 * (IllegalStateException), {@code block} (waits for {@link #gate} first), {@code destroy-throws} (its destroy
 * throws after counting), {@code slow-destroy} (its destroy waits for {@link #destroyGate}), {@code slow} (its
 * construct and its destroy each take {@link #SLOW_MS} ms). Every body counts how often it was destroyed.
 */
final class TestResources implements ResourceDef {

    static final String URI = "test:res";
    static final String IMMUTABLE_URI = "test:res-immutable";
    static final String OTHER_URI = "test:res-other";
    /** How long a construct or destroy in mode {@code slow} takes. */
    static final long SLOW_MS = 30;

    /** A body: a value synths read, and how often the engine destroyed it. */
    static final class Body {
        final int serial;
        final float value;
        final String mode;
        final AtomicInteger destroyed = new AtomicInteger();

        Body(int serial, float value, String mode) {
            this.serial = serial;
            this.value = value;
            this.mode = mode;
        }

        @Override
        public String toString() {
            return "Body#" + serial + "(" + value + ", destroyed " + destroyed + ")";
        }
    }

    private final String uri;
    private final Mutability mutability;
    final AtomicInteger constructs = new AtomicInteger();
    final List<Body> bodies = new CopyOnWriteArrayList<>();
    /** Constructs in mode {@code block} wait for it (5 s at most). */
    volatile CountDownLatch gate = new CountDownLatch(0);
    /** Counted down when a construct in mode {@code block} starts waiting. */
    volatile CountDownLatch blocked = new CountDownLatch(1);
    /** Destroys of {@code slow-destroy} bodies wait for it (5 s at most). */
    volatile CountDownLatch destroyGate = new CountDownLatch(0);

    TestResources(String uri, Mutability mutability) {
        this.uri = uri;
        this.mutability = mutability;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public Mutability mutability() {
        return mutability;
    }

    @Override
    public Object construct(Host host, OscArgs args) {
        constructs.incrementAndGet();
        float value = 1f;
        String mode = "ok";
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof String s) {
                mode = s;
            } else {
                value = args.floatAt(i);
            }
        }
        switch (mode) {
            case "null" -> {
                return null;
            }
            case "throw" -> throw new IllegalArgumentException("bad size");
            case "crash" -> throw new IllegalStateException("plugin bug");
            case "block" -> {
                blocked.countDown();
                try {
                    if (!gate.await(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            case "slow" -> sleep(SLOW_MS);
            default -> {
            }
        }
        Body b = new Body(bodies.size(), value, mode);
        bodies.add(b);
        return b;
    }

    @Override
    public void destroy(Host host, Object body) {
        Body b = (Body) body;
        if (b.mode.equals("slow-destroy")) {
            try {
                destroyGate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (b.mode.equals("slow")) {
            sleep(SLOW_MS);
        }
        b.destroyed.incrementAndGet();
        if (b.mode.equals("destroy-throws")) {
            throw new IllegalStateException("destroy boom");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every body constructed so far was destroyed exactly once. */
    boolean allDestroyedOnce() {
        return bodies.stream().allMatch(b -> b.destroyed.get() == 1);
    }

    int destroyed() {
        return bodies.stream().mapToInt(b -> b.destroyed.get()).sum();
    }
}
