package la.methc.plugins.faults.internal;

import java.util.Arrays;
import java.util.List;
import la.methc.api.Host;
import la.methc.api.HostCommand;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.World;

/**
 * A synth that writes its control input 0 ({@code level}, default 0.25) to audio output 0 until it breaks at
 * the one point its {@link Fault} names. Allocation-free on RT until then (and for ever, but for
 * {@link Fault#PROCESS_ALLOCATES}).
 */
final class FaultySynth implements Synth {

    private static final List<PortDescriptor> PORTS = List.of(PortDescriptor.controlInput("level", 0.25f),
            PortDescriptor.audioOutput("out"));

    private final Fault fault;
    /** {@link Faults#ERROR}: throw an Error instead of a RuntimeException. */
    private final int kind;
    /** PROCESS_THROWS, NAN_OUTPUT: healthy blocks before it breaks; WORKER_JOB_THROWS: jobs to post. */
    private int count;
    /** Built before RT, so posting it allocates nothing. */
    private final HostCommand brokenJob = host -> {
        throw new AssertionError("injected fault: worker job");
    };
    private float[] level;
    private float[] out;
    /** PROCESS_ALLOCATES: the last block's garbage, kept so that the allocation escapes. */
    private float[] garbage;

    FaultySynth(Fault fault, int kind, int count) {
        this.fault = fault;
        this.kind = kind;
        this.count = count;
    }

    /** NRT. */
    @Override
    public List<PortDescriptor> ports() {
        return switch (fault) {
            case PORTS_THROW -> throw Faults.injected("ports", kind);
            case PORTS_NULL -> null;
            case PORT_NULL -> Arrays.asList(PortDescriptor.controlInput("level", 0.25f), null);
            default -> PORTS;
        };
    }

    /** NRT. */
    @Override
    public void connect(int index, float[] data) {
        if (index == 0) {
            level = data;
        } else if (fault == Fault.CONNECT_THROWS) {
            throw Faults.injected("connect", kind);
        } else {
            out = data;
        }
    }

    /** RT. */
    @Override
    public void attach(World world) {
        if (fault == Fault.ATTACH_THROWS) {
            throw Faults.injected("attach", kind);
        }
    }

    /** RT. */
    @Override
    public void activate(World world) {
        if (fault == Fault.ACTIVATE_THROWS) {
            throw Faults.injected("activate", kind);
        }
    }

    /** RT. */
    @Override
    public void process(World world, int offset, int frames) {
        if (fault == Fault.PROCESS_THROWS && count-- <= 0) {
            throw Faults.injected("process", kind);
        }
        if (fault == Fault.WORKER_JOB_THROWS && count > 0) {
            count--;
            world.performCommand(brokenJob);
        }
        if (fault == Fault.PROCESS_ALLOCATES) {
            garbage = new float[frames];
            garbage[0] = level[0];
        }
        float value = fault == Fault.NAN_OUTPUT && count-- <= 0 ? Float.NaN : level[0];
        Arrays.fill(out, offset, offset + frames, value);
    }

    /** NRT (the engine's notifier). */
    @Override
    public void destroy(Host host) {
        if (fault == Fault.DESTROY_THROWS) {
            throw Faults.injected("destroy", kind);
        }
    }
}
