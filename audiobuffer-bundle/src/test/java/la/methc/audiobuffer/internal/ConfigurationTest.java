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
        assertEquals(1L << 30, MaxBytes.resolve(null, NO_PROPERTIES));
        assertEquals(1L << 30, MaxBytes.resolve(ScrConfig.of(Map.of()), NO_PROPERTIES));
        assertEquals("la.methc.audiobuffer", AudioBufferDef.PID);
    }

    @Test
    void theDsConstructorReadsTheConfiguration() {
        assertEquals(123_456, new AudioBufferDef(null, ScrConfig.of(Map.of("maxBytes", 123_456L))).maxBytes());
        assertEquals(64L << 20, new AudioBufferDef(null, ScrConfig.of(Map.of("maxBytes", "64m"))).maxBytes());
    }

    @Test
    void configAdminComesFirstThenTheProperty() {
        assertEquals(5000, MaxBytes.resolve(ScrConfig.of(Map.of("maxBytes", 5000L)), property("2g")));
        assertEquals(5000, MaxBytes.resolve(ScrConfig.of(Map.of("maxBytes", 5000)), property("2g")));
        assertEquals(2L << 30, MaxBytes.resolve(ScrConfig.of(Map.of()), property("2g")));
        assertEquals(2L << 30, MaxBytes.resolve(ScrConfig.of(Map.of("other", 1L)), property(" 2G ")));
    }

    @Test
    void badValuesAreSkipped() {
        assertEquals(2L << 30, MaxBytes.resolve(ScrConfig.of(Map.of("maxBytes", "lots")), property("2g")));
        assertEquals(1L << 30, MaxBytes.resolve(ScrConfig.of(Map.of("maxBytes", -1L)), property("0")));
        assertEquals(1L << 30, MaxBytes.resolve(ScrConfig.of(Map.of("maxBytes", 1.5)), property("x")));
    }

    @Test
    void sizes() {
        assertEquals(1024, MaxBytes.parse("1k"));
        assertEquals(1024, MaxBytes.parse("1K"));
        assertEquals(3L << 20, MaxBytes.parse(" 3 M "));
        assertEquals(1L << 30, MaxBytes.parse("1073741824"));
        assertEquals(7, MaxBytes.parse(7));
        assertEquals(7, MaxBytes.parse(7L));
        assertEquals(-1, MaxBytes.parse("0"));
        assertEquals(-1, MaxBytes.parse("-5"));
        assertEquals(-1, MaxBytes.parse(""));
        assertEquals(-1, MaxBytes.parse("g"));
        assertEquals(-1, MaxBytes.parse("1t"));
        assertEquals(-1, MaxBytes.parse("9999999999999g"));
        assertEquals(-1, MaxBytes.parse(1.5));
        assertEquals(-1, MaxBytes.parse(null));
    }

    @Test
    void aTestDefNeedsAPositiveCap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AudioBufferDef(0));
        assertEquals("maxBytes must be > 0, got 0", e.getMessage());
    }
}
