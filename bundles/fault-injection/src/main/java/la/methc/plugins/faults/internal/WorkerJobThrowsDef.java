package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code …/worker-job-throws [i:jobs]}: in each of its first {@code jobs} blocks (default 4) hands a worker a
 * job that throws an Error.
 */
@Component(service = SynthDef.class)
public final class WorkerJobThrowsDef extends FaultDef {

    public WorkerJobThrowsDef() {
        super("worker-job-throws");
    }

    /** NRT. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        return new FaultySynth(Fault.WORKER_JOB_THROWS, Faults.ERROR, options.intAt(0, 4));
    }
}
