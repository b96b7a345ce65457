package la.methc.engine.internal.osgi;

import java.util.function.UnaryOperator;
import la.methc.engine.internal.EngineOptions;

/**
 * Where each engine option comes from, strongest first: ConfigAdmin ({@link EngineConfig}), the command line
 * (system property {@code methcla.<key>}), {@code conf/config.properties} (framework property
 * {@code methcla.<key>}); nothing there, {@link EngineOptions} takes its default. Without ConfigAdmin (a lean
 * render) every element of the configuration is empty, and the properties decide.
 */
final class OptionSources {

    private static final String PREFIX = "methcla.";

    private OptionSources() {
    }

    /** NRT (DS activation). The options, checked: an option the engine cannot use throws, naming it. */
    static EngineOptions options(EngineConfig config, UnaryOperator<String> frameworkProperties) {
        return EngineOptions.from(key -> {
            String configured = configured(config, key);
            return configured != null ? configured : property(key, frameworkProperties);
        });
    }

    /** NRT. The options without ConfigAdmin: the command line, then {@code conf/config.properties}. */
    static EngineOptions fromProperties(UnaryOperator<String> frameworkProperties) {
        return EngineOptions.from(key -> property(key, frameworkProperties));
    }

    private static String property(String key, UnaryOperator<String> frameworkProperties) {
        String commandLine = System.getProperty(PREFIX + key);
        return commandLine != null ? commandLine : frameworkProperties.apply(PREFIX + key);
    }

    /**
     * The value ConfigAdmin gives option {@code key}, or null. A multi-valued {@code allow} is joined with
     * commas. Every option {@link EngineOptions} reads has its element, so that metatype describes it.
     */
    static String configured(EngineConfig c, String key) {
        return switch (key) {
            case "sampleRate" -> c.sampleRate();
            case "blockSize" -> c.blockSize();
            case "hardwareInputs" -> c.hardwareInputs();
            case "hardwareOutputs" -> c.hardwareOutputs();
            case "internalBuses" -> c.internalBuses();
            case "maxNodes" -> c.maxNodes();
            case "maxResources" -> c.maxResources();
            case "maxClients" -> c.maxClients();
            case "workerThreads" -> c.workerThreads();
            case "port" -> c.port();
            case "bind" -> c.bind();
            case "allow" -> c.allow().length == 0 ? null : String.join(",", c.allow());
            case "driver" -> c.driver();
            case "sampleRoot" -> c.sampleRoot();
            case "render.score" -> c.render_score();
            case "render.out" -> c.render_out();
            case "render.exit" -> c.render_exit();
            case "render.lenient" -> c.render_lenient();
            case "render.progress" -> c.render_progress();
            case "render.threads" -> c.render_threads();
            case "render.minRun" -> c.render_minRun();
            case "dspThreads" -> c.dspThreads();
            case "rtPriority" -> c.rtPriority();
            default -> throw new IllegalStateException("engine option " + key + " is missing from EngineConfig");
        };
    }
}
