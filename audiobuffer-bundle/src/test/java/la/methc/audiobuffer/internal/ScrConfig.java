package la.methc.audiobuffer.internal;

import java.util.Map;
import org.apache.felix.scr.impl.inject.internal.Annotations;

/** The typed configuration SCR 2.2.18 itself hands the def for these component properties. */
final class ScrConfig {

    private ScrConfig() {
    }

    static AudioBufferConfig of(Map<String, Object> properties) {
        return Annotations.toObject(AudioBufferConfig.class, properties, null, true);
    }
}
