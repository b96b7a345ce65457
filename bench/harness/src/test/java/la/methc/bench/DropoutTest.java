package la.methc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import la.methc.osc.OscCodec;
import org.junit.jupiter.api.Test;

/** The dropout figure's search, the load in cores, supernova's vocabulary and the three-server table. */
class DropoutTest {

    /** Runs a ladder against a server that passes exactly up to {@code limit} voices; the counts it tried. */
    private static List<Integer> climb(DropoutLadder ladder, int limit) {
        List<Integer> tried = new ArrayList<>();
        boolean more = true;
        while (more) {
            tried.add(ladder.current());
            more = ladder.record(ladder.current() <= limit);
        }
        return tried;
    }

    @Test
    void ladderClimbsByAQuarterThenHalvesTheGap() {
        DropoutLadder ladder = new DropoutLadder(4000, 20, 16000, 8);
        // worked by hand: 4000 and 5000 pass, 6250 fails, then the gap 5000..6250 is halved in tens
        assertEquals(List.of(4000, 5000, 6250, 5620, 5310, 5150, 5230, 5270), climb(ladder, 5230));
        assertEquals(5230, ladder.best());
    }

    @Test
    void ladderStepsDownWhileNothingPassesAndStopsAtTheFinestStep() {
        DropoutLadder ladder = new DropoutLadder(4000, 20, 16000, 20);
        assertEquals(List.of(4000, 3000, 2250, 1690, 1270, 960, 1110, 1030, 990, 1010), climb(ladder, 1000));
        assertEquals(990, ladder.best());
    }

    @Test
    void ladderStopsAtItsMaximumAndGivesZeroWhenNothingPasses() {
        DropoutLadder up = new DropoutLadder(800, 100, 1000, 8);
        assertEquals(List.of(800, 1000), climb(up, 5000));
        assertEquals(1000, up.best());
        DropoutLadder none = new DropoutLadder(100, 100, 1000, 8);
        assertEquals(List.of(100), climb(none, 50));
        assertEquals(0, none.best());
        assertThrows(IllegalArgumentException.class, () -> new DropoutLadder(100, 0, 1000, 8));
    }

    @Test
    void coresAddUpTheNamedThreadsAndFallBackToTheBusiest() {
        ThreadCpu named = new ThreadCpu(1, List.of("Jack Helper", "DSP Thread"));
        assertTrue(named.counts("DSP Thread 1"));
        assertTrue(named.counts("Jack Helper"));
        assertFalse(named.counts("Network Receive"));
        Map<String, ThreadCpu.Counters> a = Map.of("1/10", new ThreadCpu.Counters(0, 0),
                "1/11", new ThreadCpu.Counters(100_000_000, 0));
        // 1/10: 0.9 s in 2 s; 1/11: 0.5 s; 1/12 started within the window: 0.1 s -> 1.5 s in 2 s = 0.75 cores
        Map<String, ThreadCpu.Counters> b = Map.of("1/10", new ThreadCpu.Counters(900_000_000, 2_000_000_000),
                "1/11", new ThreadCpu.Counters(600_000_000, 2_000_000_000),
                "1/12", new ThreadCpu.Counters(100_000_000, 2_000_000_000));
        assertEquals(0.75, named.cores(a, b), 1e-9);
        assertEquals(0.45, new ThreadCpu(1, List.of()).cores(a, b), 1e-9); // the busiest: 1/10
    }

    @Test
    void supernovaPutsTheVoicesInAParallelGroup() {
        SupernovaServer nova = new SupernovaServer(Path.of("supernova"), Path.of("/dev/null"), Path.of("/dev/null"));
        // /p_new i:1 i:1 i:0 (group 1 at the tail of the root group), encoded by hand from the OSC 1.0 spec
        byte[] expected = {'/', 'p', '_', 'n', 'e', 'w', 0, 0, ',', 'i', 'i', 'i', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1,
            0, 0, 0, 0};
        ByteBuffer bytes = OscCodec.encode(nova.newGroup(1));
        byte[] actual = new byte[bytes.remaining()];
        bytes.get(actual);
        assertArrayEquals(expected, actual);
        assertEquals("supernova", nova.name());
        assertEquals(List.of("Jack Helper", "DSP Thread"), nova.dspThreads());
        assertEquals("/s_new", nova.newPlayVoice(10, 1, 1, 1.001f, 0).get(0).getAddress());
        assertEquals(List.of("methcla-rt", "methcla-dsp"), new MethclaServer(Path.of("methcla")).dspThreads());
    }

    @Test
    void supernovaGetsOneDefPerFileWhoseBodiesMakeTheSharedFile() {
        byte[] all = SynthDefs.file();
        java.io.ByteArrayOutputStream bodies = new java.io.ByteArrayOutputStream();
        // header: "SCgf", int32 version 2, int16 def count 1 (Synth-Definition-File-Format)
        byte[] header = {'S', 'C', 'g', 'f', 0, 0, 0, 2, 0, 1};
        for (byte[] one : SynthDefs.files()) {
            assertArrayEquals(header, java.util.Arrays.copyOf(one, 10));
            bodies.write(one, 10, one.length - 10);
        }
        assertEquals(3, SynthDefs.files().size());
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 10, all.length), bodies.toByteArray());
        assertEquals(3, new SupernovaServer(Path.of("supernova"), Path.of("/dev/null"), Path.of("/dev/null"))
                .defMessages().size());
        assertEquals(1, new ScsynthServer(Path.of("scsynth"), Path.of("/dev/null"), Path.of("/dev/null"))
                .defMessages().size());
    }

    @Test
    void tableComparesWithBothServersAndTheThreadsRowsWithTheirPlainFigures() {
        Results ours = new Results();
        ours.put("voices", 4000, "");
        ours.put("voices.threads", 6000, "");
        ours.put("dropout", 4400, "");
        ours.put("dropout.quiet", 0, "");
        Results sc = new Results();
        sc.put("voices", 2000, "");
        sc.put("dropout", 2200, "");
        sc.put("dropout.quiet", 3, "");
        Results nova = new Results();
        nova.put("voices", 3000, "");
        nova.put("dropout", 4000, "");
        String md = ComparisonTable.render(ours, sc, nova, 60, "header");
        assertTrue(md.contains("| figure | Methcla/J | scsynth | supernova | ratio to scsynth | ratio to supernova |"));
        assertTrue(md.contains("| looping play voices sustained below 80% load | 4,000 | 2,000 | 3,000 | 2.00 | 1.33 |"),
                md);
        assertTrue(md.contains("| looping play voices below 80% load, Methcla/J with N DSP threads | 6,000 | 2,000 "
                + "| 3,000 | 3.00 | 2.00 |"), md);
        assertTrue(md.contains("| late blocks in the quiet window (no voices) | 0 | 3 | n/a | n/a | n/a |"), md);
        assertFalse(md.contains("dropout figure, Methcla/J with N DSP threads"), md); // not measured: no row
        assertFalse(ComparisonTable.render(ours, sc, 60, "h").contains("supernova |"));
    }
}
