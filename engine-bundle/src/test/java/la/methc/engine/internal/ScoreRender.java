package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;

import com.illposed.osc.OSCBundle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import la.methc.engine.internal.driver.DriverOptions;
import la.methc.engine.internal.driver.Drivers;
import la.methc.engine.internal.driver.OfflineDriver;
import la.methc.engine.internal.driver.RenderResult;
import la.methc.engine.internal.driver.Score;

/** Renders a score as {@code methcla render} does: the real engine, dispatcher and offline driver, in a test. */
final class ScoreRender {

    private ScoreRender() {
    }

    /**
     * Writes {@code bundles} to {@code dir/name.osc} and renders it to {@code dir/name.wav} with the test synths,
     * {@code resourceDefs} and the engine options {@code overrides}; the score's replies go to {@code client},
     * registered for notifications first when {@code notify}. Engine and driver are closed afterwards.
     */
    static RenderResult render(Path dir, String name, List<OSCBundle> bundles, Map<String, String> overrides,
            ResourceDefRegistry resourceDefs, RecordingClient client, boolean notify, long timeoutSeconds)
            throws Exception {
        return render(dir, name, bundles, overrides, resourceDefs, new CommandDefRegistry(), client, notify,
                timeoutSeconds);
    }

    /** As above, with the CommandDefs {@code commandDefs}. */
    static RenderResult render(Path dir, String name, List<OSCBundle> bundles, Map<String, String> overrides,
            ResourceDefRegistry resourceDefs, CommandDefRegistry commandDefs, RecordingClient client, boolean notify,
            long timeoutSeconds) throws Exception {
        Path score = dir.resolve(name + ".osc");
        Path out = dir.resolve(name + ".wav");
        Score.write(score, bundles);
        Map<String, String> o = new HashMap<>(overrides);
        o.putAll(Map.of("driver", "offline", "render.score", score.toString(), "render.out", out.toString()));
        EngineOptions options = EngineOptions.from(o::get);
        Engine engine = new Engine(options);
        engine.start();
        OscDispatcher dispatcher = new OscDispatcher(engine, TestSynths.registry(), resourceDefs, commandDefs,
                () -> { });
        if (notify) {
            dispatcher.onPacket(msg("/notify", 1), client);
        }
        DriverOptions driverOptions = new DriverOptions(options.sampleRate(), options.blockSize(),
                options.hardwareInputs(), options.hardwareOutputs());
        OfflineDriver driver = Drivers.offline(driverOptions, score, p -> dispatcher.onPacket(p, client), out);
        try {
            driver.start(engine);
            return driver.result().get(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            driver.close();
            engine.close();
        }
    }
}
