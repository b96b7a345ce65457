package la.methc.engine.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shell's text, from reply arguments written out by hand. */
class ShellTextTest {

    @Test
    void status() {
        assertEquals("""
                synths 2, groups 3, resources 1
                load: 1.5 % of a block on average, 12.0 % at peak; 4 late blocks
                48000 Hz, 64 frames a block""".replace("\n", System.lineSeparator()),
                ShellText.status(List.of(2, 3, 1, 0.015f, 0.12f, 4, 48000.0, 64)));
    }

    @Test
    void treeIsIndentedByDepth() {
        // 0: [1000: [70000 sine, 1001: [], 5 const], 9 sine]
        List<Object> reply = List.of(0, 2, 1000, 3, "", 70000, -1, "sine", 1001, 0, "", 5, -1, "const", 9, -1, "sine");
        assertEquals("""
                group 0 (2 children)
                  group 1000 (3 children)
                    synth 70000 sine
                    group 1001 (0 children)
                    synth 5 const
                  synth 9 sine""", ShellText.tree(reply));
        assertEquals("group 0 (0 children)", ShellText.tree(List.of(0, 0)));
        assertEquals("group 0 (1 child)\n  group 1 (1 child)\n    group 2 (1 child)\n      synth 3 s",
                ShellText.tree(List.of(0, 1, 1, 1, "", 2, 1, "", 3, -1, "s")));
        assertEquals("group 0 (1 child)\n  parallel group 1 (1 child)\n    synth 3 s",
                ShellText.tree(List.of(0, 1, 1, 1, "parallel", 3, -1, "s")));
    }

    @Test
    void defsListPortsAlignedOrWhyNot() {
        Map<String, List<Object>> defs = new LinkedHashMap<>();
        defs.put("sine", List.of("sine", "freq", "control", "input", 440f, "amp", "control", "input", 0.3f, "out",
                "audio", "output", 0f));
        defs.put("done-after", List.of("done-after"));
        defs.put("needy", List.of("/synthdef/info", -1, "needy needs options to describe its ports: x"));
        assertEquals("""
                sine
                  freq  control input, default 440
                  amp   control input, default 0.3
                  out   audio output
                done-after
                  (no ports)
                needy
                  (ports unknown: needy needs options to describe its ports: x)""", ShellText.defs(defs));
        assertEquals("no SynthDefs bound", ShellText.defs(Map.of()));
    }

    @Test
    void resources() {
        assertEquals("no resources", ShellText.resources(List.of()));
        assertEquals("id  state  holders  uri\n1  live  2  ab\n7  constructing  0  ab",
                ShellText.resources(List.of(List.of(1, "ab", "live", 2), List.of(7, "ab", "constructing", 0))));
    }
}
