package la.methc.engine.internal.check;

import java.util.ArrayList;
import java.util.List;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.api.Synth;
import la.methc.api.SynthDef;

/**
 * Tries one SynthDef as the engine would use it, and reports what went wrong: construct with no options (or, when
 * that is refused and there is a buffer, with the buffer's id as option 0, as resource ports are given first), its
 * ports, connect, then its RT life on a thread of its own ({@link TrialRun}), then destroy. The check thread.
 */
final class SynthTrial {

    /** How long a trial's RT life may take: seconds of blocks and the JIT's settling (at most 30 s), twice. */
    static final long TIMEOUT_MS = 120_000;

    private final SynthDef def;
    private final Host host;
    private final CheckReport report;
    private final String bufferUri;
    private final Object buffer;
    private final int bufferId;
    private final String what;

    /** {@code buffer}: the AudioBuffer body offered as Resource {@code bufferId} of kind {@code bufferUri}, or null. */
    SynthTrial(SynthDef def, Host host, CheckReport report, int bufferId, String bufferUri, Object buffer) {
        this.def = def;
        this.host = host;
        this.report = report;
        this.bufferId = buffer == null ? -1 : bufferId;
        this.bufferUri = bufferUri;
        this.buffer = buffer;
        this.what = "SynthDef " + def.uri();
    }

    void run() throws InterruptedException {
        boolean isolated;
        try {
            isolated = def.isolated();
        } catch (Throwable t) {
            report.fail(what + ": isolated() threw " + describe(t));
            return;
        }
        Synth synth;
        String options = "no options";
        try {
            synth = def.construct(host, OscArgs.empty());
        } catch (Throwable t) {
            synth = buffer == null ? null : retryWithBuffer();
            if (synth == null) {
                report.fail(what + ": cannot be built with no options: " + describe(t));
                return;
            }
            options = "option i:" + bufferId + " (an AudioBuffer)";
        }
        if (synth == null) {
            report.fail(what + ": construct returned null");
            return;
        }
        List<PortDescriptor> ports;
        try {
            ports = synth.ports();
        } catch (Throwable t) {
            report.fail(what + ": ports() threw " + describe(t));
            return;
        }
        if (ports == null || ports.stream().anyMatch(java.util.Objects::isNull)) {
            report.fail(what + ": ports() returned " + (ports == null ? "null" : "a null port"));
            return;
        }
        TrialRun trial = connect(synth, ports);
        if (trial == null) {
            return;
        }
        Thread t = new Thread(trial, "methcla-check-rt");
        t.setDaemon(true);
        t.start();
        t.join(TIMEOUT_MS);
        if (t.isAlive()) {
            t.interrupt();
            report.fail(what + ": its blocks did not end within " + TIMEOUT_MS / 1000 + " s (process blocks or loops)");
            return; // destroy would race the trial thread
        }
        Throwable destroyFailure = null;
        try {
            synth.destroy(host);
        } catch (Throwable e) {
            destroyFailure = e;
        }
        report(trial, ports, isolated, options, destroyFailure);
    }

    private Synth retryWithBuffer() {
        try {
            return def.construct(host, OscArgs.of(bufferId));
        } catch (Throwable t) {
            return null;
        }
    }

    /** Connects every port as the engine does; null (reported) when connect throws. */
    private TrialRun connect(Synth synth, List<PortDescriptor> ports) {
        int blockSize = host.blockSize();
        List<float[]> inputs = new ArrayList<>();
        List<float[]> outputs = new ArrayList<>();
        List<Integer> outputPorts = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            PortDescriptor p = ports.get(i);
            if (p.type() == PortType.RESOURCE) {
                continue; // bound by the synth itself, not connected
            }
            float[] data = new float[p.type() == PortType.AUDIO ? blockSize : 1];
            if (p.direction() == PortDirection.OUTPUT) {
                outputs.add(data);
                outputPorts.add(i);
            } else if (p.type() == PortType.AUDIO) {
                inputs.add(data);
            } else {
                data[0] = p.defaultValue();
            }
            try {
                synth.connect(i, data);
            } catch (Throwable t) {
                report.fail(what + ": connect(" + i + ") of port '" + p.name() + "' threw " + describe(t));
                return null;
            }
        }
        CheckWorld world = new CheckWorld(host.sampleRate(), blockSize, bufferId, bufferUri, buffer);
        return new TrialRun(synth, world, ports, inputs.toArray(new float[0][]), outputs.toArray(new float[0][]),
                outputPorts.stream().mapToInt(Integer::intValue).toArray(), bufferId, AllocationMeter.create());
    }

    private void report(TrialRun trial, List<PortDescriptor> ports, boolean isolated, String options,
            Throwable destroyFailure) {
        CheckWorld world = trial.worldForReport();
        boolean clean = true;
        if (destroyFailure != null) {
            report.fail(what + ": destroy threw " + describe(destroyFailure));
            clean = false;
        }
        if (trial.thrown != null) {
            report.fail(what + ": " + trial.failedIn + " threw " + describe(trial.thrown)
                    + (trial.failedIn.equals("process") ? " in block " + trial.thrownBlock : ""));
            clean = false;
        }
        if (trial.nanCount > 0) {
            PortDescriptor p = trial.nanPort();
            report.fail(what + ": output '" + p.name() + "' is not finite (" + trial.nanValue
                    + (Float.isNaN(trial.nanValue) ? ": computed so, or a frame process left unwritten" : "")
                    + ") in block "
                    + trial.nanBlock + ", frame " + trial.nanFrame + "; " + trial.nanCount + " such values in all");
            clean = false;
        }
        if (trial.allocated > 0) {
            report.fail(what + ": process allocated " + trial.allocated + " bytes in " + trial.measuredBlocks
                    + " blocks (after a warm-up, once the JIT was quiet; the smaller of two such windows)");
            clean = false;
        }
        if (world.holds() > 0) {
            report.fail(what + ": detach left " + world.holds() + " hold(s) of its Resource unreleased");
            clean = false;
        }
        if (world.strayReleases() > 0) {
            report.fail(what + ": released a Resource it did not hold (" + world.strayReleases() + " times)");
            clean = false;
        }
        if (trial.notRun != null) {
            // a def the check could not run is not known to be clean: a finding, so the status is not 0
            report.fail(what + ": not run: " + trial.notRun);
            return;
        }
        if (!clean) {
            return;
        }
        if (trial.allocated < 0) {
            report.note(what + ": allocation not measured (this JVM cannot measure it per thread)");
        }
        long audioIn = ports.stream().filter(p -> p.type() == PortType.AUDIO && p.direction() == PortDirection.INPUT)
                .count();
        long controls = ports.stream().filter(p -> p.type() == PortType.CONTROL
                && p.direction() == PortDirection.INPUT).count();
        StringBuilder s = new StringBuilder(what).append(isolated ? " (isolated)" : "").append(": built with ")
                .append(options).append(", ").append(audioIn).append(" audio input(s) of noise, ").append(controls)
                .append(" control(s) at their defaults; ").append(world.blocks()).append(" blocks run, output finite");
        if (trial.allocated == 0) {
            s.append("; process allocated 0 bytes in the ").append(trial.measuredBlocks).append(" blocks measured");
        }
        if (world.doneBlock() >= 0) {
            s.append("; done in block ").append(world.doneBlock());
        }
        if (world.commands() > 0) {
            s.append("; asked for ").append(world.commands()).append(" worker command(s), refused here");
        }
        report.ok(s.toString());
    }

    /** The class and message of {@code t}, and where it was thrown. */
    static String describe(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                + (trace.length == 0 ? "" : " (at " + trace[0] + ")");
    }
}
