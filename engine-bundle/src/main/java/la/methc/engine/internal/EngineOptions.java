package la.methc.engine.internal;

import java.util.function.Function;
import la.methc.engine.internal.osc.AllowList;
import la.methc.engine.internal.sched.RealtimePriority;

/**
 * The engine's options. Each comes from ConfigAdmin (PID {@code la.methc.engine}, key {@code name}), else the
 * system property {@code methcla.name} (the command line), else the framework property {@code methcla.name}
 * ({@code conf/config.properties}), else its default (the component reads them: {@code osgi.OptionSources}). {@code allow}: the OSC clients served (see
 * {@link AllowList}; empty: everyone the bind address lets in). {@code maxClients}: how many may be registered
 * with {@code /notify 1} at once. {@code render.threads}: the threads an offline
 * render spreads isolated synths over, its own included (1: none; see
 * {@link la.methc.engine.internal.parallel.ParallelSynths}); {@code render.minRun}: the shortest run of isolated
 * synths it spreads, live too; {@code dspThreads}: the threads a real-time driver spreads them over within each
 * block, its RT thread included (1: none; ADR 0014); {@code rtPriority}: the {@code SCHED_FIFO} priority the RT
 * and DSP threads of a real-time driver ask for (0: none; ADR 0017); {@code render.lenient}: a command-line render ({@code render.exit}) whose score caused
 * {@code /error}s still ends with status 0; {@code render.progress}: it shows its progress on standard error
 * ({@code bin/methcla} sets it on a terminal).
 */
public record EngineOptions(
        int sampleRate,
        int blockSize,
        int hardwareInputs,
        int hardwareOutputs,
        int internalBuses,
        int maxNodes,
        int maxResources,
        int maxClients,
        int workerThreads,
        int port,
        String bind,
        AllowList allow,
        String driver,
        String sampleRoot,
        String renderScore,
        String renderOut,
        boolean renderExit,
        boolean renderLenient,
        boolean renderProgress,
        int renderThreads,
        int renderMinRun,
        int dspThreads,
        int rtPriority) {

    public static final String PID = "la.methc.engine";
    /**
     * The fewest isolated synths in a run that a render spreads over its threads. Below it the hand-off and the
     * outputs crossing cores cost more than the second core gives: on the 2-core bench machine 250 looping play
     * voices rendered 5–30% slower on 2 threads than on 1, 500 voices 12–18% faster (ADR 0006).
     */
    public static final int DEFAULT_RENDER_MIN_RUN = 384;


    /** Clients registered for notifications at once: scsynth's default for {@code -l}. */
    public static final int DEFAULT_MAX_CLIENTS = 64;

    /** Normal priority unless asked (ADR 0017). */
    public static final int DEFAULT_RT_PRIORITY = 0;

    public EngineOptions {
        positive("sampleRate", sampleRate);
        positive("blockSize", blockSize);
        positive("maxNodes", maxNodes);
        positive("maxResources", maxResources);
        positive("maxClients", maxClients);
        positive("workerThreads", workerThreads);
        positive("render.threads", renderThreads);
        positive("dspThreads", dspThreads);
        new RealtimePriority(rtPriority); // checks the range
        if (renderMinRun < 2) {
            throw new IllegalArgumentException("render.minRun must be at least 2: " + renderMinRun);
        }
        nonNegative("hardwareInputs", hardwareInputs);
        nonNegative("hardwareOutputs", hardwareOutputs);
        nonNegative("internalBuses", internalBuses);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!driver.equals("javasound") && !driver.equals("dummy") && !driver.equals("offline")) {
            throw new IllegalArgumentException("driver must be javasound, dummy or offline: " + driver);
        }
        if (driver.equals("offline") && (renderScore == null || renderOut == null)) {
            throw new IllegalArgumentException("the offline driver needs render.score and render.out");
        }
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
    }

    private static void nonNegative(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
    }

    public static EngineOptions defaults() {
        return from(key -> null);
    }

    /** Reads every option through {@code lookup} (key without prefix → value or null). */
    public static EngineOptions from(Function<String, String> lookup) {
        Reader r = new Reader(lookup);
        int rtPriority = r.integer("rtPriority", DEFAULT_RT_PRIORITY);
        return new EngineOptions(
                r.integer("sampleRate", 48000),
                r.integer("blockSize", 64),
                r.integer("hardwareInputs", 2),
                r.integer("hardwareOutputs", 2),
                r.integer("internalBuses", 128),
                r.integer("maxNodes", 1024),
                r.integer("maxResources", 1024),
                r.integer("maxClients", DEFAULT_MAX_CLIENTS),
                r.integer("workerThreads", 2),
                r.integer("port", 57110),
                r.string("bind", "127.0.0.1"),
                AllowList.parse(r.string("allow", "")),
                r.string("driver", "javasound"),
                r.string("sampleRoot", "samples"),
                r.string("render.score", null),
                r.string("render.out", null),
                Boolean.parseBoolean(r.string("render.exit", "false")),
                Boolean.parseBoolean(r.string("render.lenient", "false")),
                Boolean.parseBoolean(r.string("render.progress", "false")),
                r.integer("render.threads", defaultThreads()),
                r.integer("render.minRun", DEFAULT_RENDER_MIN_RUN),
                r.integer("dspThreads", defaultDspThreads(rtPriority)),
                rtPriority);
    }

    /**
     * The cores, up to 8, with real-time priority; else RT alone. At normal priority a helper that another process
     * deschedules while it holds synths makes RT wait: on the quiet 2-core bench machine 2 DSP threads then dropped
     * out at 1,320 voices against RT alone's 2,050, and at SCHED_FIFO at 5,610 against 4,080 (ADR 0014, 0017).
     */
    static int defaultDspThreads(int rtPriority) {
        return rtPriority > 0 ? defaultThreads() : 1;
    }

    /** One render thread per core, up to 8: isolated synths of an offline render are spread over them. */
    private static int defaultThreads() {
        return Math.min(8, Runtime.getRuntime().availableProcessors());
    }

    public boolean offline() {
        return driver.equals("offline");
    }

    /** The threads isolated synths are spread over with this driver: render.threads offline, else dspThreads. */
    public int synthThreads() {
        return offline() ? renderThreads : dspThreads;
    }

    public EngineOptions withDriver(String newDriver) {
        return new EngineOptions(sampleRate, blockSize, hardwareInputs, hardwareOutputs, internalBuses, maxNodes,
                maxResources, maxClients, workerThreads, port, bind, allow, newDriver, sampleRoot, renderScore,
                renderOut, renderExit, renderLenient, renderProgress, renderThreads, renderMinRun, dspThreads,
                rtPriority);
    }

    public EngineOptions withPort(int newPort) {
        return new EngineOptions(sampleRate, blockSize, hardwareInputs, hardwareOutputs, internalBuses, maxNodes,
                maxResources, maxClients, workerThreads, newPort, bind, allow, driver, sampleRoot, renderScore,
                renderOut, renderExit, renderLenient, renderProgress, renderThreads, renderMinRun, dspThreads,
                rtPriority);
    }

    private record Reader(Function<String, String> lookup) {
        String string(String key, String fallback) {
            String v = lookup.apply(key);
            return v == null || v.isBlank() ? fallback : v.trim();
        }

        int integer(String key, int fallback) {
            String v = string(key, null);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer: " + v, e);
            }
        }
    }
}
