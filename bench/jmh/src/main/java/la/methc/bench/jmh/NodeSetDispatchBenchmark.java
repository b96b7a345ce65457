package la.methc.bench.jmh;

import com.illposed.osc.OSCMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A decoded {@code /node/set} from the dispatcher to the synth's control: the network thread's
 * {@code OscDispatcher.onPacket} (type check, a new {@code SetParameter} command, {@code Engine.submit} into the
 * request queue), then the RT thread's part in the next block (poll, find the node, set the control). One
 * invocation dispatches {@value #BATCH} messages and computes one block of an engine with one sine voice, so one
 * op is one {@code /node/set} plus 1/{@value #BATCH} of that block ({@link EngineBlockBenchmark} with 1 sine: subtract
 * it for the message alone). The allocation is the network thread's command object; RT allocates nothing.
 * {@code form}: {@code number} ({@code i:0 f:440}), {@code name} ({@code s:freq f:440}, the name resolved on RT by
 * String.equals against the port names) or {@code twoNames} ({@code s:freq f:440 s:amp f:0.1}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NodeSetDispatchBenchmark {

    static final int BATCH = 64;

    @Param({"number", "name", "twoNames"})
    public String form;

    private BenchEngine engine;
    private OSCMessage nodeSet;

    @Setup
    public void setUp() {
        engine = BenchEngine.withVoices(Voice.SINE, 1);
        nodeSet = switch (form) {
            case "name" -> new OSCMessage("/node/set", List.of(BenchEngine.FIRST_VOICE, "freq", 440f));
            case "twoNames" -> new OSCMessage("/node/set", List.of(BenchEngine.FIRST_VOICE, "freq", 440f, "amp", 0.1f));
            default -> OscPackets.nodeSet();
        };
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    /** Network thread: {@value #BATCH} decoded {@code /node/set}s to commands; RT: one block that applies them. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void dispatchAndApply() {
        for (int i = 0; i < BATCH; i++) {
            engine.dispatcher().onPacket(nodeSet, engine.client());
        }
        engine.block();
    }
}
