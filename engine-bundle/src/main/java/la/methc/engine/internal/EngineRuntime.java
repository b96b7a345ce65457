package la.methc.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.DrainResources;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.command.StopRecording;
import la.methc.engine.internal.driver.AudioDriver;
import la.methc.engine.internal.driver.DriverOptions;
import la.methc.engine.internal.driver.Drivers;
import la.methc.engine.internal.driver.OfflineDriver;
import la.methc.engine.internal.driver.RenderProgress;
import la.methc.engine.internal.driver.RenderResult;
import la.methc.engine.internal.driver.Score;
import la.methc.engine.internal.driver.ScoreException;
import la.methc.engine.internal.driver.ScoreNames;
import la.methc.engine.internal.osc.OscServer;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.tree.SynthDefEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running engine: the {@link Engine}, its driver and, in real time, its OSC server. Starts them in
 * order and stops them in the shutdown order of ADR 0001 (stop OSC; free every node, so synths release their
 * Resources; force-destroy the live Resources on a worker; wait for the constructing ones and destroy their
 * bodies; stop the driver and drain the notifier and workers; tear the slot pool down). Free of OSGi; the DS
 * component and tests drive it.
 */
public final class EngineRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRuntime.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 5000;
    /** A command-line render that failed: halted, its framework cache possibly half written. */
    static final int FAILED_STATUS = 1;
    /**
     * A command-line render whose score caused errors, after a clean stop; bin/methcla keeps its render cache and
     * turns this into 1.
     */
    static final int SCORE_ERRORS_STATUS = 3;
    /**
     * Set by bin/methcla on a render whose exit nothing needs (no class-data archive to dump, a framework cache
     * that is complete or thrown away): the process halts once the engine has shut down (ADR 0015).
     */
    static final String HALT_PROPERTY = "methcla.render.halt";

    /** Blocks until the plugins present at start are bound (or a timeout passed); a render's, see ADR 0018. */
    public interface PluginsReady {
        void await();

        default void await(ScoreNames names) {
            await();
        }
    }

    private final EngineOptions options;
    private final Engine engine;
    private final OscDispatcher dispatcher;
    private final Runnable quit;
    private volatile AudioDriver driver;
    private volatile OscServer server;
    private volatile boolean rendering;
    private volatile boolean closed;
    private Thread starter;

    public EngineRuntime(EngineOptions options, SynthDefRegistry defs, ResourceDefRegistry resourceDefs,
            Runnable quit) {
        this(options, defs, resourceDefs, new CommandDefRegistry(), quit);
    }

    public EngineRuntime(EngineOptions options, SynthDefRegistry defs, ResourceDefRegistry resourceDefs,
            CommandDefRegistry commandDefs, Runnable quit) {
        this.options = options;
        this.quit = quit;
        engine = new Engine(options);
        dispatcher = new OscDispatcher(engine, defs, resourceDefs, commandDefs, quit);
    }

    /** What decodes OSC for this engine (tests feed it packets directly). */
    OscDispatcher dispatcher() {
        return dispatcher;
    }

    public Engine engine() {
        return engine;
    }

    /** The engine's state as a client sees it, for the shell. */
    public EngineQueries queries() {
        return new EngineQueries(dispatcher, options.maxResources());
    }

    /** The OSC port actually bound (differs from the option when it was 0), or -1 offline. */
    public int port() {
        OscServer s = server;
        return s == null ? -1 : s.port();
    }

    public String driverName() {
        AudioDriver d = driver;
        return d == null ? "none" : d.name();
    }

    /**
     * Real time: opens the driver and binds the OSC port at once, then, once the plugins are bound, starts
     * receiving on it and says "ready": nothing is answered before (requests wait in the sockets).
     * Offline: renders the score once the plugins are bound.
     */
    public void start(PluginsReady plugins) {
        DriverOptions format = new DriverOptions(options.sampleRate(), options.blockSize(), options.hardwareInputs(),
                options.hardwareOutputs(), options.offline() ? 0 : options.rtPriority());
        if (options.offline()) {
            starter = new Thread(() -> render(format, plugins), "methcla-render");
        } else {
            engine.start();
            AudioDriver d = Drivers.open(options.driver(), format);
            driver = d;
            d.start(engine);
            OscServer s;
            try {
                // bound now, so a taken port fails start-up at once; served once the plugins are bound
                s = OscServer.bind(options.bind(), options.port(), options.allow(), dispatcher);
            } catch (IOException e) {
                close();
                throw new IllegalStateException("cannot listen on " + options.bind() + ":" + options.port() + ": "
                        + e.getMessage(), e);
            }
            server = s;
            starter = new Thread(() -> {
                plugins.await();
                if (!serve(s)) {
                    return;
                }
                String ready = "methcla ready udp " + options.bind() + ":" + s.port() + " tcp " + s.port() + " driver "
                        + d.name();
                LOG.info(ready);
                System.out.println(ready);
            }, "methcla-ready");
        }
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Starts receiving on the bound OSC port. False when the engine is stopping meanwhile (close() closes the
     * server, which then refuses to start).
     */
    private boolean serve(OscServer s) {
        if (closed || Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            s.startReceiving();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void render(DriverOptions format, PluginsReady plugins) {
        Path scorePath = Path.of(options.renderScore());
        Path out = Path.of(options.renderOut());
        try {
            // read and ready while the plugins bind (a bad score fails at once); the first bundle needs them
            Score score = Score.read(scorePath, options.sampleRate());
            engine.start();
            RenderLog log = new RenderLog();
            // registered for notifications: an /error with no sender (a synth's process threw) counts too
            engine.clients().register(log);
            OfflineDriver d = new OfflineDriver(format, score, packet -> dispatcher.onPacket(packet, log), out);
            plugins.await(ScoreNames.of(score, BuiltInCommands.ADDRESSES));
            if (Thread.currentThread().isInterrupted()) {
                return; // the engine is stopping; close() stops what was started
            }
            rendering = true;
            driver = d;
            d.start(engine);
            // on a terminal, its progress on standard error while it renders
            RenderResult r = options.renderProgress()
                    ? RenderProgress.show(d, () -> engine.blocksDone() * options.blockSize()) : d.result().get();
            int threads = options.renderThreads();
            String done = String.format("methcla rendered %s: %.2f s of audio in %.2f s (%.1fx real time, %d %s)",
                    r.output(), r.frames() / (double) options.sampleRate(), r.wallNanos() / 1e9, r.realTimeFactor(),
                    threads, threads == 1 ? "render thread" : "render threads");
            LOG.info(done);
            System.out.println(done);
            int status = scoreErrors(log);
            if (Thread.currentThread().isInterrupted()) {
                return; // the engine is stopping
            }
            finishRender(status);
        } catch (InterruptedException | CancellationException e) {
            LOG.info("render of {} cancelled: the engine is stopping", scorePath);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ScoreException) {
                // a broken score is the user's input, not the engine's fault: its reason, no stack trace
                LOG.error("render of {} failed: {}", scorePath, cause.getMessage());
            } else {
                LOG.error("render of {} failed: {}", scorePath, cause.getMessage(), cause);
            }
            System.err.println("methcla render failed: " + cause.getMessage());
            finishRender(FAILED_STATUS);
        } finally {
            rendering = false;
        }
    }

    /**
     * Once the notifier has sent every reply of the render (a silent block after the last, as shutdown computes
     * too), lists the errors the score caused: the count and the first ones, on the log and standard error.
     * Returns the status a command-line render ends with.
     */
    private int scoreErrors(RenderLog log) {
        Command flush = new Command("/render/flush", null) {
            @Override
            public void perform(RtContext rt, int offset) {
                // nothing: runStopped returns once the notifier handled what RT published before it
            }
        };
        if (!engine.control().runStopped(flush, SHUTDOWN_TIMEOUT_MS)) {
            if (Thread.currentThread().isInterrupted()) {
                return 0; // the engine is stopping: close() interrupted the wait
            }
            LOG.warn("the render's replies were not all handled within {} ms; the error count may be short",
                    SHUTDOWN_TIMEOUT_MS);
        }
        String summary = log.summary();
        if (summary == null) {
            return 0;
        }
        LOG.warn(summary);
        System.err.println(summary);
        return options.renderLenient() ? 0 : SCORE_ERRORS_STATUS;
    }

    /** Ends a command-line render (render.exit) with {@code status}: 0, {@link #SCORE_ERRORS_STATUS} or 1. */
    private void finishRender(int status) {
        if (!options.renderExit()) {
            return;
        }
        if (status == FAILED_STATUS) {
            // the exit status is the only way to tell the shell it failed
            Runtime.getRuntime().halt(FAILED_STATUS);
        }
        if (Boolean.getBoolean(HALT_PROPERTY)) {
            // bin/methcla's word that its render cache needs nothing from this process (ADR 0015): the engine's
            // own shutdown, then the process ends without stopping the framework bundle by bundle
            rendering = false; // the driver's loop is over: shutdown's commands run on this thread
            close();
            LOG.info("render done: the process ends without stopping the framework");
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(status);
        }
        CompileQueue.awaitBeforeArchiving(); // a render that writes the class-data archive (ADR 0024)
        if (status != 0) {
            // on a thread of its own, as System.exit stops the framework, which joins this render thread
            Thread t = new Thread(() -> System.exit(status), "methcla-exit");
            t.start();
            return;
        }
        quit.run();
    }

    /** NRT. A SynthDef's bundle is leaving: free its synths and wait until they are destroyed. */
    public void retire(SynthDefEntry entry) {
        if (closed) {
            return; // DS unbinds after deactivation too; the engine has freed every node already
        }
        if (!engine.control().retire(entry, SHUTDOWN_TIMEOUT_MS, !running())) {
            LOG.warn("synths of {} were not all freed within {} ms", entry.def().uri(), SHUTDOWN_TIMEOUT_MS);
        }
    }

    /**
     * NRT. A ResourceDef's bundle is leaving: free the synths holding its Resources, wait for its constructs
     * and perform dispatches, destroy its Resources, and return once every body of it is destroyed.
     */
    public void retire(ResourceDefEntry entry) {
        if (closed) {
            entry.retire();
            return; // the engine has destroyed every Resource already
        }
        if (!engine.control().retire(entry, SHUTDOWN_TIMEOUT_MS, !running())) {
            LOG.warn("Resources of {} were not all destroyed within {} ms (a construct or perform still runs?); "
                    + "its bundle may leave before them", entry.uri(), SHUTDOWN_TIMEOUT_MS);
        }
    }

    private boolean running() {
        AudioDriver d = driver;
        return d != null && (!(d instanceof OfflineDriver) || rendering);
    }

    /**
     * Shutdown, in the order of ADR 0001, one log line per step: OSC; a recording of the outputs; nodes; live
     * Resources; constructing Resources; driver, notifier and workers; slot pool. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OscServer s = server;
        server = null;
        if (s != null) {
            s.close();
            LOG.info("shutdown: OSC stopped");
        }
        if (starter != null && starter != Thread.currentThread()) {
            starter.interrupt();
            join(starter);
        }
        if (driver != null) {
            stopRecording();
            freeAll();
            destroyResources();
        }
        AudioDriver d = driver;
        driver = null;
        if (d != null) {
            d.close();
        }
        engine.close();
        LOG.info("shutdown: driver stopped, notifier and worker queues drained");
        int leaked = engine.resources().tearDown();
        if (leaked > 0) {
            LOG.warn("shutdown: slot pool torn down; {} Resources were never destroyed", leaked);
        } else {
            LOG.info("shutdown: slot pool torn down ({} slots)", options.maxResources());
        }
        LOG.info("engine stopped");
    }

    /**
     * Before step 2: a recording of the outputs ends now, before the nodes go (the engine closes its file when it
     * stops, a valid WAV).
     */
    private void stopRecording() {
        if (engine.context().recorder().current() == null) {
            return;
        }
        StopRecording stop = new StopRecording(null);
        if (!(running() ? engine.control().runAndWait(stop, SHUTDOWN_TIMEOUT_MS)
                : engine.control().runStopped(stop, SHUTDOWN_TIMEOUT_MS))) {
            LOG.warn("shutdown: the recording was not stopped within {} ms", SHUTDOWN_TIMEOUT_MS);
        }
    }

    /** Step 2: every node freed; synths detach and so release their Resources. */
    private void freeAll() {
        EngineCommands.FreeAll all = new EngineCommands.FreeAll();
        boolean ok = running() ? engine.control().runAndWait(all, SHUTDOWN_TIMEOUT_MS)
                : engine.control().runStopped(all, SHUTDOWN_TIMEOUT_MS);
        if (ok) {
            LOG.info("shutdown: freed {} nodes", all.freed());
        } else {
            LOG.warn("shutdown: nodes were not all freed within {} ms", SHUTDOWN_TIMEOUT_MS);
        }
    }

    /**
     * Steps 3 and 4: every live Resource destroyed on a worker (after the perform dispatches using it
     * returned), then the constructing ones waited for, their bodies destroyed as soon as construct returns.
     */
    private void destroyResources() {
        DrainResources drain = new DrainResources(null);
        boolean stopped = !running();
        if (engine.control().drain(drain, d -> d.live() == 0 && d.destroying() == 0, SHUTDOWN_TIMEOUT_MS, stopped)) {
            LOG.info("shutdown: destroyed {} resources", drain.liveAtStart());
        } else {
            LOG.warn("shutdown: {} live resources not destroyed within {} ms", drain.live() + drain.destroying(),
                    SHUTDOWN_TIMEOUT_MS);
        }
        if (drain.constructingAtStart() == 0 && drain.constructing() == 0) {
            return;
        }
        if (engine.control().drain(drain, d -> d.pending() == 0, SHUTDOWN_TIMEOUT_MS, stopped)) {
            LOG.info("shutdown: waited for {} constructing resources; their bodies destroyed",
                    drain.constructingAtStart());
        } else {
            LOG.warn("shutdown: {} resources still constructing after {} ms; their bodies will leak",
                    drain.constructing(), SHUTDOWN_TIMEOUT_MS);
        }
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.MILLISECONDS.toMillis(SHUTDOWN_TIMEOUT_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
