package la.methc.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import la.methc.osc.OscCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * OSC encoding of replies on the notifier thread: the reply message built as the notifier builds it from an RT
 * event, then {@link OscCodec#encode}, what a client's {@code send} calls before the socket write (into the
 * thread's reused buffer). NRT; it allocates the message and its argument list, expected.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OscEncodeBenchmark {

    private int id = BenchEngine.FIRST_VOICE;

    /** {@code /node/ended i:id}, the notification every freed synth sends. */
    @Benchmark
    public ByteBuffer nodeEnded() {
        return OscCodec.encode(OscPackets.nodeEnded(id));
    }

    /** {@code /status.reply i i i f f i d i}. */
    @Benchmark
    public ByteBuffer statusReply() {
        return OscCodec.encode(OscPackets.statusReply(id, 0.25f));
    }
}
