package la.methc.audiobuffer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static final UnaryOperator<String> NO_PROPERTIES = key -> null;

    private static UnaryOperator<String> property(String value) {
        return key -> AudioBufferDef.MAX_BYTES_PROPERTY.equals(key) ? value : null;
    }

    @Test
    void theDefaultIsOneGiB() {
        assertEquals(1L << 30, AudioBufferDef.DEFAULT_MAX_BYTES);
        assertEquals(1L << 30, AudioBufferDef.resolveMaxBytes(null, NO_PROPERTIES));
        assertEquals(1L << 30, AudioBufferDef.resolveMaxBytes(Map.of(), NO_PROPERTIES));
        assertEquals("la.methc.audiobuffer", AudioBufferDef.PID);
    }

    @Test
    void theDsConstructorReadsTheConfiguration() {
        assertEquals(123_456, new AudioBufferDef(null, Map.of("maxBytes", 123_456L)).maxBytes());
        assertEquals(64L << 20, new AudioBufferDef(null, Map.of("maxBytes", "64m")).maxBytes());
    }

    @Test
    void configAdminComesFirstThenTheProperty() {
        assertEquals(5000, AudioBufferDef.resolveMaxBytes(Map.of("maxBytes", 5000L), property("2g")));
        assertEquals(5000, AudioBufferDef.resolveMaxBytes(Map.of("maxBytes", 5000), property("2g")));
        assertEquals(2L << 30, AudioBufferDef.resolveMaxBytes(Map.of(), property("2g")));
        assertEquals(2L << 30, AudioBufferDef.resolveMaxBytes(Map.of("other", 1L), property(" 2G ")));
    }

    @Test
    void badValuesAreSkipped() {
        assertEquals(2L << 30, AudioBufferDef.resolveMaxBytes(Map.of("maxBytes", "lots"), property("2g")));
        assertEquals(1L << 30, AudioBufferDef.resolveMaxBytes(Map.of("maxBytes", -1L), property("0")));
        assertEquals(1L << 30, AudioBufferDef.resolveMaxBytes(Map.of("maxBytes", 1.5), property("x")));
    }

    @Test
    void sizes() {
        assertEquals(1024, AudioBufferDef.parseSize("1k"));
        assertEquals(1024, AudioBufferDef.parseSize("1K"));
        assertEquals(3L << 20, AudioBufferDef.parseSize(" 3 M "));
        assertEquals(1L << 30, AudioBufferDef.parseSize("1073741824"));
        assertEquals(7, AudioBufferDef.parseSize(7));
        assertEquals(7, AudioBufferDef.parseSize(7L));
        assertEquals(-1, AudioBufferDef.parseSize("0"));
        assertEquals(-1, AudioBufferDef.parseSize("-5"));
        assertEquals(-1, AudioBufferDef.parseSize(""));
        assertEquals(-1, AudioBufferDef.parseSize("g"));
        assertEquals(-1, AudioBufferDef.parseSize("1t"));
        assertEquals(-1, AudioBufferDef.parseSize("9999999999999g"));
        assertEquals(-1, AudioBufferDef.parseSize(1.5));
        assertEquals(-1, AudioBufferDef.parseSize(null));
    }

    @Test
    void aTestDefNeedsAPositiveCap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AudioBufferDef(0));
        assertEquals("maxBytes must be > 0, got 0", e.getMessage());
    }
}
