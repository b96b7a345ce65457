package la.methc.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import la.methc.engine.internal.driver.AudioDriver;
import la.methc.engine.internal.driver.DriverOptions;
import la.methc.engine.internal.driver.Drivers;
import la.methc.engine.internal.driver.OfflineDriver;
import la.methc.engine.internal.driver.RenderResult;
import la.methc.engine.internal.driver.Score;
import la.methc.engine.internal.osc.OscServer;
import la.methc.engine.internal.tree.SynthDefEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running engine: the {@link Engine}, its driver and, in real time, its OSC server. Starts them in
 * order and stops them in the shutdown order of the design (stop OSC, free every node, stop the driver,
 * drain the notifier and workers). Free of OSGi; the DS component and tests drive it.
 */
public final class EngineRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRuntime.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 5000;

    /** Blocks until the plugins present at start are bound (or a timeout passed). */
    public interface PluginsReady {
        void await();
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

    public EngineRuntime(EngineOptions options, SynthDefRegistry defs, Runnable quit) {
        this.options = options;
        this.quit = quit;
        engine = new Engine(options);
        dispatcher = new OscDispatcher(engine, defs, quit);
    }

    public Engine engine() {
        return engine;
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
     * Real time: opens the driver and the OSC server at once, then says "ready" when the plugins are bound.
     * Offline: renders the score once the plugins are bound.
     */
    public void start(PluginsReady plugins) {
        DriverOptions format = new DriverOptions(options.sampleRate(), options.blockSize(), options.hardwareInputs(),
                options.hardwareOutputs());
        if (options.offline()) {
            starter = new Thread(() -> render(format, plugins), "methcla-render");
        } else {
            engine.start();
            AudioDriver d = Drivers.open(options.driver(), format);
            driver = d;
            d.start(engine);
            try {
                server = OscServer.start(options.bind(), options.port(), dispatcher);
            } catch (IOException e) {
                close();
                throw new IllegalStateException("cannot listen on " + options.bind() + ":" + options.port() + ": "
                        + e.getMessage(), e);
            }
            starter = new Thread(() -> {
                plugins.await();
                String ready = "methcla ready udp " + options.bind() + ":" + port() + " tcp " + port() + " driver "
                        + d.name();
                LOG.info(ready);
                System.out.println(ready);
            }, "methcla-ready");
        }
        starter.setDaemon(true);
        starter.start();
    }

    private void render(DriverOptions format, PluginsReady plugins) {
        plugins.await();
        Path scorePath = Path.of(options.renderScore());
        Path out = Path.of(options.renderOut());
        try {
            Score score = Score.read(scorePath, options.sampleRate());
            engine.start();
            OfflineDriver d = new OfflineDriver(format, score,
                    packet -> dispatcher.onPacket(packet, RenderLog.CLIENT), out);
            rendering = true;
            driver = d;
            d.start(engine);
            RenderResult r = d.result().get();
            String done = String.format("methcla rendered %s: %.2f s of audio in %.2f s (%.1fx real time)",
                    r.output(), r.frames() / (double) options.sampleRate(), r.wallNanos() / 1e9, r.realTimeFactor());
            LOG.info(done);
            System.out.println(done);
            finishRender(true);
        } catch (InterruptedException | CancellationException e) {
            LOG.info("render of {} cancelled: the engine is stopping", scorePath);
        } catch (Exception e) {
            LOG.error("render of {} failed: {}", scorePath, e.getMessage(), e);
            System.err.println("methcla render failed: " + e.getMessage());
            finishRender(false);
        } finally {
            rendering = false;
        }
    }

    private void finishRender(boolean ok) {
        if (!options.renderExit()) {
            return;
        }
        if (!ok) {
            // command-line render: the exit status is the only way to tell the shell it failed
            Runtime.getRuntime().halt(1);
        }
        quit.run();
    }

    /** NRT. A SynthDef's bundle is leaving: free its synths and wait until they are destroyed. */
    public void retire(SynthDefEntry entry) {
        if (closed) {
            return; // DS unbinds after deactivation too; the engine has freed every node already
        }
        if (!engine.retire(entry, SHUTDOWN_TIMEOUT_MS, !running())) {
            LOG.warn("synths of {} were not all freed within {} ms", entry.def().uri(), SHUTDOWN_TIMEOUT_MS);
        }
    }

    private boolean running() {
        AudioDriver d = driver;
        return d != null && (!(d instanceof OfflineDriver) || rendering);
    }

    /** Shutdown, in the design's order: OSC, nodes, driver, notifier and workers. Idempotent. */
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
        }
        if (starter != null && starter != Thread.currentThread()) {
            starter.interrupt();
            join(starter);
        }
        if (driver != null && !freeAll()) {
            LOG.warn("nodes were not all freed within {} ms", SHUTDOWN_TIMEOUT_MS);
        }
        AudioDriver d = driver;
        driver = null;
        if (d != null) {
            d.close();
        }
        engine.close();
        LOG.info("engine stopped");
    }

    private boolean freeAll() {
        return running() ? engine.runAndWait(Engine.freeAll(), SHUTDOWN_TIMEOUT_MS)
                : engine.runStopped(Engine.freeAll(), SHUTDOWN_TIMEOUT_MS);
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.MILLISECONDS.toMillis(SHUTDOWN_TIMEOUT_MS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
