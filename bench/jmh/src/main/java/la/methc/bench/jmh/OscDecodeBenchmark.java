package la.methc.bench.jmh;

import com.illposed.osc.OSCPacket;
import java.util.concurrent.TimeUnit;
import la.methc.osc.OscCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * OSC decoding on the network thread: {@link OscCodec#decode(byte[], int, int)}, what the UDP and TCP transports
 * call on each received packet. A plain message ({@code /node/set}) takes the codec's shortcut past JavaOSC; the
 * others go through the codec's checks of framing, address and type tags, then JavaOSC's parser. It allocates
 * the packet and its arguments; that is the network thread's allocation, expected.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OscDecodeBenchmark {

    private final byte[] nodeSet = OscPackets.bytes(OscPackets.nodeSet());
    private final byte[] synthNew = OscPackets.bytes(OscPackets.synthNew());
    private final byte[] bundle = OscPackets.bytes(OscPackets.bundle());

    /** {@code /node/set i i f} (28 bytes). */
    @Benchmark
    public OSCPacket nodeSet() throws OscCodec.BadPacketException {
        return OscCodec.decode(nodeSet, 0, nodeSet.length);
    }

    /** {@code /synth/new s i i i [f f] [i i i]} of a play voice. */
    @Benchmark
    public OSCPacket synthNew() throws OscCodec.BadPacketException {
        return OscCodec.decode(synthNew, 0, synthNew.length);
    }

    /** A timed bundle of 10 {@code /node/set}s. */
    @Benchmark
    public OSCPacket bundleOf10() throws OscCodec.BadPacketException {
        return OscCodec.decode(bundle, 0, bundle.length);
    }
}
