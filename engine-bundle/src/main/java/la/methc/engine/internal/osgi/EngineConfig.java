package la.methc.engine.internal.osgi;

import la.methc.engine.internal.EngineOptions;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The engine's options as ConfigAdmin gives them (PID {@value EngineOptions#PID}; DS maps element
 * {@code render_threads} to key {@code render.threads}), and as metatype tools describe them: each with its
 * name, type, default and meaning. Checked and turned into {@link EngineOptions} by {@link OptionSources}.
 *
 * <p>The elements are strings without defaults, so an option ConfigAdmin does not set is null (an empty
 * array for {@code allow}) and the command line and {@code conf/config.properties} still apply to it: a default
 * here would become a component property that hides them, and DS gives an int it has no value for as 0. The
 * metatype carries each option's real type and default.
 */
@ObjectClassDefinition(id = EngineOptions.PID, name = "Methcla engine",
        description = "The engine's audio, node tree, OSC server and offline render options. Set here, an option"
                + " overrides the command line (bin/methcla --port …, -Dmethcla.<key>) and conf/config.properties"
                + " (methcla.<key>); a change restarts the engine.")
@interface EngineConfig {

    @AttributeDefinition(name = "Sample rate", description = "Frames per second.", type = AttributeType.INTEGER,
            defaultValue = "48000", required = false)
    String sampleRate();

    @AttributeDefinition(name = "Block size", description = "Frames per block: the RT thread computes one block"
            + " at a time, and a control is read once per block.", type = AttributeType.INTEGER,
            defaultValue = "64", required = false)
    String blockSize();

    @AttributeDefinition(name = "Hardware inputs", description = "Input channels of the audio driver.",
            type = AttributeType.INTEGER, defaultValue = "2", required = false)
    String hardwareInputs();

    @AttributeDefinition(name = "Hardware outputs", description = "Output channels of the audio driver (and of a"
            + " render's WAV file).", type = AttributeType.INTEGER, defaultValue = "2", required = false)
    String hardwareOutputs();

    @AttributeDefinition(name = "Internal buses", description = "Audio buses between synths.",
            type = AttributeType.INTEGER, defaultValue = "128", required = false)
    String internalBuses();

    @AttributeDefinition(name = "Maximum nodes", description = "Node ids run from 0 to this number - 1.",
            type = AttributeType.INTEGER, defaultValue = "1024", required = false)
    String maxNodes();

    @AttributeDefinition(name = "Maximum resources", description = "Resource ids run from 0 to this number - 1.",
            type = AttributeType.INTEGER, defaultValue = "1024", required = false)
    String maxResources();

    @AttributeDefinition(name = "Maximum clients", description = "Clients registered for notifications"
            + " (/notify 1) at once; one more is answered /error.", type = AttributeType.INTEGER,
            defaultValue = "64", required = false)
    String maxClients();

    @AttributeDefinition(name = "Worker threads", description = "Threads that construct and destroy Resources"
            + " and run plugin commands' tasks.", type = AttributeType.INTEGER, defaultValue = "2",
            required = false)
    String workerThreads();

    @AttributeDefinition(name = "OSC port", description = "UDP and TCP port of the OSC server; 0: any free port.",
            type = AttributeType.INTEGER, defaultValue = "57110", required = false)
    String port();

    @AttributeDefinition(name = "Bind address", description = "Address the OSC server listens on. Bound to"
            + " another address without an allow-list, the engine logs a warning.", defaultValue = "127.0.0.1",
            required = false)
    String bind();

    @AttributeDefinition(name = "Allowed clients", description = "IP addresses and CIDR blocks, IPv4 and IPv6"
            + " (e.g. 10.0.0.0/8, ::1), as several values or separated by commas. Empty: every client the bind"
            + " address lets in. A malformed entry stops the engine.", cardinality = 1024, required = false)
    String[] allow();

    @AttributeDefinition(name = "Audio driver", description = "javasound: the sound card; dummy: a timer, no"
            + " sound; offline: a render of render.score into render.out.", defaultValue = "javasound",
            options = {
                @Option(label = "Sound card (javax.sound)", value = "javasound"),
                @Option(label = "Timer without sound", value = "dummy"),
                @Option(label = "Offline render", value = "offline")},
            required = false)
    String driver();

    @AttributeDefinition(name = "Sample root", description = "Folder every file path of a client (/buffer/read,"
            + " /buffer/write) is relative to and must stay inside.", defaultValue = "samples", required = false)
    String sampleRoot();

    @AttributeDefinition(name = "Render score", description = "Offline driver: the score to render, a file of"
            + " timed OSC bundles as scsynth -N reads them.", required = false)
    String render_score();

    @AttributeDefinition(name = "Render output", description = "Offline driver: the 32-bit float WAV file to"
            + " write.", required = false)
    String render_out();

    @AttributeDefinition(name = "Exit after the render", description = "Offline driver: end the process when the"
            + " render ends (bin/methcla render).", type = AttributeType.BOOLEAN, defaultValue = "false",
            required = false)
    String render_exit();

    @AttributeDefinition(name = "Lenient render", description = "A render whose score caused /error replies"
            + " still exits with status 0.", type = AttributeType.BOOLEAN, defaultValue = "false",
            required = false)
    String render_lenient();

    @AttributeDefinition(name = "Render progress", description = "A render shows its progress on standard error"
            + " (bin/methcla render sets it on a terminal, unless --quiet).", type = AttributeType.BOOLEAN,
            defaultValue = "false", required = false)
    String render_progress();

    @AttributeDefinition(name = "Render threads", description = "Threads an offline render spreads isolated"
            + " synths over, its own included (1: none). Default: one per core, up to 8.",
            type = AttributeType.INTEGER, required = false)
    String render_threads();

    @AttributeDefinition(name = "DSP threads", description = "Threads a real-time driver spreads isolated synths"
            + " over within each block, its RT thread included (1: none; ADR 0014). Default: one per core, up to 8, with"
            + " rtPriority; else 1.",
            type = AttributeType.INTEGER, required = false)
    String dspThreads();

    @AttributeDefinition(name = "Real-time priority", description = "The SCHED_FIFO priority (1-99) the RT and DSP"
            + " threads of a real-time driver ask for, through chrt; 0: normal priority (ADR 0017).",
            type = AttributeType.INTEGER, defaultValue = "" + EngineOptions.DEFAULT_RT_PRIORITY, required = false)
    String rtPriority();

    @AttributeDefinition(name = "Shortest parallel run", description = "The fewest consecutive isolated synths a"
            + " render, or a real-time block, spreads over its threads (ADR 0006, 0014).", type = AttributeType.INTEGER,
            defaultValue = "" + EngineOptions.DEFAULT_RENDER_MIN_RUN, required = false)
    String render_minRun();
}
