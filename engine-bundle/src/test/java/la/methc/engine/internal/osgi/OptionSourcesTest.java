package la.methc.engine.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import la.methc.engine.internal.EngineOptions;
import org.apache.felix.scr.impl.inject.internal.Annotations;
import org.junit.jupiter.api.Test;

/** The engine's typed configuration, built by SCR itself, and the order of the option sources. */
class OptionSourcesTest {

    private static final UnaryOperator<String> NO_PROPERTIES = key -> null;

    /** What SCR 2.2.18 hands the component for these component properties (ConfigAdmin's, or none). */
    private static EngineConfig config(Map<String, Object> properties) {
        return Annotations.toObject(EngineConfig.class, properties, null, true);
    }

    @Test
    void everyOptionHasItsElementAndMetatypeKey() {
        List<String> keys = new ArrayList<>();
        EngineOptions.from(key -> {
            keys.add(key);
            return null;
        });
        assertEquals(EngineConfig.class.getDeclaredMethods().length, keys.size(), keys.toString());
        for (String key : keys) {
            assertNull(OptionSources.configured(config(Map.of()), key), key);
            assertEquals("7", OptionSources.configured(config(Map.of(key, "7")), key), key);
        }
    }

    @Test
    void withoutConfigAdminTheDefaultsAndPropertiesApply() {
        assertEquals(EngineOptions.defaults().toString(),
                OptionSources.options(config(Map.of()), NO_PROPERTIES).toString());
        EngineOptions o = OptionSources.options(config(Map.of()),
                key -> key.equals("methcla.hardwareOutputs") ? "3" : null);
        assertEquals(3, o.hardwareOutputs());
    }

    @Test
    void configAdminComesFirstThenTheCommandLineThenTheFrameworkProperties() {
        UnaryOperator<String> framework = key -> switch (key) {
            case "methcla.maxNodes", "methcla.render.minRun", "methcla.internalBuses" -> "10";
            default -> null;
        };
        System.setProperty("methcla.maxNodes", "20");
        System.setProperty("methcla.render.minRun", "20");
        try {
            EngineOptions o = OptionSources.options(config(Map.of("maxNodes", "30")), framework);
            assertEquals(30, o.maxNodes(), "ConfigAdmin");
            assertEquals(20, o.renderMinRun(), "the command line");
            assertEquals(10, o.internalBuses(), "conf/config.properties");
            assertEquals(2, o.hardwareOutputs(), "the default");
            // a configured value equal to the default still beats the command line
            assertEquals(1024, OptionSources.options(config(Map.of("maxNodes", 1024)), framework).maxNodes());
        } finally {
            System.clearProperty("methcla.maxNodes");
            System.clearProperty("methcla.render.minRun");
        }
    }

    @Test
    void typedAndMultiValuedConfigurationValues() {
        EngineOptions o = OptionSources.options(config(Map.of("sampleRate", 44100, "render.lenient", true,
                "allow", new String[] {"10.0.0.0/8", " ::1 "})), NO_PROPERTIES);
        assertEquals(44100, o.sampleRate());
        assertTrue(o.renderLenient());
        assertEquals("10.0.0.0/8,::1", o.allow().toString());
        EngineOptions fromList = OptionSources.options(config(Map.of("allow", Arrays.asList("::1", "10.0.0.1"))),
                NO_PROPERTIES);
        assertEquals("::1,10.0.0.1", fromList.allow().toString());
    }

    @Test
    void aBadValueIsRefusedWithTheMessageOfTheCommandLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptionSources.options(config(Map.of("port", "x")), NO_PROPERTIES));
        assertEquals("port must be an integer: x", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptionSources.options(config(Map.of("allow", "10.0.0.1,my-laptop")), NO_PROPERTIES));
        assertTrue(e.getMessage().startsWith("allow: 'my-laptop': not an IP address literal"), e.getMessage());
    }
}
