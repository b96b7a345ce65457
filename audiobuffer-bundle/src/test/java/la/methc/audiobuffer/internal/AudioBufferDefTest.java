package la.methc.audiobuffer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import la.methc.api.Mutability;
import la.methc.api.OscArgs;
import la.methc.api.ResourceDef;
import la.methc.audiobuffer.AudioBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AudioBufferDefTest {

    private static final FakeHost HOST = new FakeHost(48000);
    private static final String USAGE = " (AudioBuffer expects i:numChannels i:numFrames [f:sampleRate])";

    private final AudioBufferDef def = new AudioBufferDef(AudioBufferDef.DEFAULT_MAX_BYTES);

    private AudioBuffer construct(Object... args) {
        return assertInstanceOf(AudioBuffer.class, def.construct(HOST, OscArgs.of(args)));
    }

    @Test
    void uriAndMutability() {
        ResourceDef d = def;
        assertEquals("http://methc.la/resources/AudioBuffer/v1", d.uri());
        assertEquals(AudioBuffer.URI, d.uri());
        assertEquals(Mutability.MUTABLE, d.mutability());
    }

    @Test
    void constructsAZeroedBufferOfTheExactShape() {
        AudioBuffer b = construct(2, 48000, 44100f);
        assertEquals(2, b.numChannels());
        assertEquals(48000, b.numFrames());
        assertEquals(44100.0, b.sampleRate());
        assertEquals(2, b.data().length);
        for (int c = 0; c < 2; c++) {
            assertEquals(48000, b.data()[c].length);
            assertArrayEquals(new float[48000], b.data()[c]);
            assertSame(b.data()[c], b.channel(c));
        }
        assertNotSame(b.data()[0], b.data()[1]);
        assertEquals(2L * 48000 * Float.BYTES, def.reservedBytes());
    }

    @Test
    void dataIsLiveNotACopy() {
        AudioBuffer b = construct(2, 16);
        b.data()[1][5] = 0.5f;
        assertEquals(0.5f, b.channel(1)[5]);
        assertEquals(0.5f, b.data()[1][5]);
        b.channel(0)[0] = -1f;
        assertEquals(-1f, b.data()[0][0]);
    }

    @Test
    void sampleRateDefaultsToTheEngines() {
        AudioBuffer b = assertInstanceOf(AudioBuffer.class, def.construct(new FakeHost(96000), OscArgs.of(1, 8)));
        assertEquals(96000.0, b.sampleRate());
    }

    @Test
    void anIntSampleRateIsAccepted() {
        assertEquals(22050.0, construct(1, 8, 22050).sampleRate());
    }

    @Test
    void oneChannelOneFrameAndMaxChannelsAreFine() {
        AudioBuffer one = construct(1, 1);
        assertEquals(1, one.numChannels());
        assertEquals(1, one.numFrames());
        assertEquals(AudioBufferDef.MAX_CHANNELS, construct(1024, 1).numChannels());
    }

    @Test
    void destroyGivesTheReservationBack() {
        Object b = def.construct(HOST, OscArgs.of(2, 100));
        assertEquals(800, def.reservedBytes());
        def.destroy(HOST, b);
        assertEquals(0, def.reservedBytes());
    }

    @Test
    void destroyingTwiceReleasesOnce() {
        Object a = def.construct(HOST, OscArgs.of(1, 100));
        def.construct(HOST, OscArgs.of(1, 50));
        def.destroy(HOST, a);
        def.destroy(HOST, a);
        assertEquals(200, def.reservedBytes());
    }

    @Test
    void destroyIgnoresForeignBodies() {
        def.construct(HOST, OscArgs.of(1, 100));
        AudioBufferDef other = new AudioBufferDef(1 << 20);
        Object theirs = other.construct(HOST, OscArgs.of(1, 10));
        def.destroy(HOST, "not a buffer");
        def.destroy(HOST, null);
        def.destroy(HOST, theirs);
        def.destroy(HOST, new AudioBuffer() {
            @Override public int numChannels() { return 1; }
            @Override public int numFrames() { return 1; }
            @Override public double sampleRate() { return 1; }
            @Override public float[][] data() { return new float[1][1]; }
        });
        assertEquals(400, def.reservedBytes());
        assertEquals(40, other.reservedBytes());
    }

    static Stream<Arguments> badArguments() {
        String got = "AudioBuffer expects i:numChannels i:numFrames [f:sampleRate], got ";
        return Stream.of(
                Arguments.of(new Object[] {}, got + "0 arguments"),
                Arguments.of(new Object[] {2}, got + "1 argument"),
                Arguments.of(new Object[] {2, 10, 48000f, 1}, got + "4 arguments"),
                Arguments.of(new Object[] {0, 10}, "numChannels must be 1..1024, got 0"),
                Arguments.of(new Object[] {-3, 10}, "numChannels must be 1..1024, got -3"),
                Arguments.of(new Object[] {1025, 10}, "numChannels must be 1..1024, got 1025"),
                Arguments.of(new Object[] {2, 0}, "numFrames must be 1..2147483639, got 0"),
                Arguments.of(new Object[] {2, -1}, "numFrames must be 1..2147483639, got -1"),
                Arguments.of(new Object[] {2, Integer.MAX_VALUE}, "numFrames must be 1..2147483639, got 2147483647"),
                Arguments.of(new Object[] {2, 10, 0f}, "sampleRate must be positive and finite, got 0.0"),
                Arguments.of(new Object[] {2, 10, -44100f}, "sampleRate must be positive and finite, got -44100.0"),
                Arguments.of(new Object[] {2, 10, Float.NaN}, "sampleRate must be positive and finite, got NaN"),
                Arguments.of(new Object[] {2, 10, Float.POSITIVE_INFINITY},
                        "sampleRate must be positive and finite, got Infinity"),
                Arguments.of(new Object[] {2.0f, 10}, "numChannels: argument 0: expected int, got float" + USAGE),
                // a string first names a file: the host of these tests has no sample root
                Arguments.of(new Object[] {"2", 10}, "FakeHost has no sample root"),
                Arguments.of(new Object[] {2, 10.5f}, "numFrames: argument 1: expected int, got float" + USAGE),
                Arguments.of(new Object[] {2, null}, "numFrames: argument 1: expected int, got nil" + USAGE),
                Arguments.of(new Object[] {2, 10, "fast"}, "sampleRate: argument 2: expected float, got string" + USAGE));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsAreRefusedWithTheirReason(Object[] args, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> def.construct(HOST, new TestArgs(args)));
        assertEquals(reason, e.getMessage());
        assertEquals(0, def.reservedBytes());
    }

    @Test
    void aBadEngineSampleRateIsNamedAsTheEngines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> def.construct(new FakeHost(0), OscArgs.of(1, 10)));
        assertEquals("sampleRate must be positive and finite, got 0.0 (the engine's)", e.getMessage());
    }

    @Test
    void bytesOverflowingALongAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioBufferDef.bytes(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals("AudioBuffer of 2147483647 channels x 2147483647 frames is too large: its size overflows",
                e.getMessage());
        assertEquals(1024L * (Integer.MAX_VALUE - 8) * 4, AudioBufferDef.bytes(1024, Integer.MAX_VALUE - 8));
    }

    /** OscArgs over an array that may hold null (OscArgs.of uses List.of, which does not). */
    private record TestArgs(Object[] values) implements OscArgs {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object get(int index) {
            return values[index];
        }
    }
}
