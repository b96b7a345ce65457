package la.methc.audiobuffer.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AudioBuffer memory cap as configured: ConfigAdmin ({@link AudioBufferConfig}), then the system property
 * (the command line), then the framework property {@value AudioBufferDef#MAX_BYTES_PROPERTY}
 * ({@code conf/config.properties}), then {@value AudioBufferDef#DEFAULT_MAX_BYTES} bytes.
 */
final class MaxBytes {

    private static final Logger LOG = LoggerFactory.getLogger(AudioBufferDef.class);

    private MaxBytes() {
    }

    /**
     * NRT (DS). The cap: {@code config.maxBytes}, else {@code properties} of
     * {@value AudioBufferDef#MAX_BYTES_PROPERTY}, else the default. A value that is not a positive size is logged
     * and skipped, so a typo cannot leave the engine without AudioBuffers. {@code config} may be null.
     */
    static long resolve(AudioBufferConfig config, UnaryOperator<String> properties) {
        String configured = config == null ? null : config.maxBytes();
        if (configured != null) {
            long v = parse(configured);
            if (v > 0) {
                return v;
            }
            LOG.error("{} {}={} is not a positive size (bytes, or with k/m/g); ignored", AudioBufferDef.PID,
                    AudioBufferDef.MAX_BYTES, configured);
        }
        String property = properties.apply(AudioBufferDef.MAX_BYTES_PROPERTY);
        if (property != null) {
            long v = parse(property);
            if (v > 0) {
                return v;
            }
            LOG.error("{}={} is not a positive size (bytes, or with k/m/g); ignored",
                    AudioBufferDef.MAX_BYTES_PROPERTY, property);
        }
        return AudioBufferDef.DEFAULT_MAX_BYTES;
    }

    /** A number of bytes: an integral Number, or a string such as {@code 1073741824}, {@code 512m} or {@code 2G}. */
    static long parse(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (!(value instanceof String s)) {
            return -1;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                default -> shift = 0;
            }
        }
        if (shift != 0) {
            t = t.substring(0, t.length() - 1).trim();
        }
        try {
            long n = Long.parseLong(t);
            if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
                return -1;
            }
            return n << shift;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
