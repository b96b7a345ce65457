package la.methc.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static Sample minute(int m, long heapKiB, long threads) {
        return new Sample(m, 1000, 1000, 40, 0, 0, 0, 1, 0, 0, heapKiB, 200_000, threads);
    }

    private static List<Sample> steady(int minutes) {
        List<Sample> rows = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
            rows.add(minute(m, 30_000 + (m % 2) * 2000, 40));
        }
        return rows;
    }

    @Test
    void aSteadyRunPasses() {
        assertEquals(List.of(), Verdict.failures(steady(10)));
        assertEquals(List.of(), Verdict.failures(steady(2)));
    }

    @Test
    void heapGrowthBeyondTheToleranceFails() {
        List<Sample> rows = new ArrayList<>();
        for (int m = 1; m <= 9; m++) {
            rows.add(minute(m, 30_000 + m * 3_000L, 40)); // 3 MiB a minute
        }
        List<String> f = Verdict.failures(rows);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("heap after GC grew"), f.get(0));
    }

    @Test
    void threadGrowthFails() {
        List<Sample> rows = steady(6);
        rows.set(5, minute(6, 30_000, 43));
        assertTrue(Verdict.failures(rows).get(0).startsWith("threads grew from 40 to 43"));
    }

    @Test
    void leftoversErrorsAndLostRepliesFail() {
        List<Sample> rows = steady(3);
        rows.set(1, new Sample(2, 1000, 1000, 40, 2, 1, 1, 2, 1, 0, 30_000, 200_000, 40));
        assertEquals(List.of("minute 2: 1 synths, 2 groups, 1 resources at a quiescent point (want 0, 1, 0)",
                "2 unexpected errors", "1 lost replies"), Verdict.failures(rows));
    }

    @Test
    void anUnreadableServerOrNoWorkFails() {
        assertEquals(List.of("no minute was sampled"), Verdict.failures(List.of()));
        List<Sample> rows = List.of(new Sample(1, 0, 0, 0, 0, 0, 0, 1, 0, 0, -1, -1, 40));
        assertEquals(List.of("minute 1: the server process could not be read (heap or threads)",
                "no lifecycle completed"), Verdict.failures(rows));
    }

    @Test
    void jstatUsedColumnsAreSummed() {
        String jstat = """
                 S0C    S1C    S0U    S1U      EC       EU        OC         OU       MC     MU    CCSC   CCSU   YGC     YGCT    FGC    FGCT     CGC    CGCT     GCT
                 0.0   2048.0  0.0   1024.5  20480.0   2048.0   40960.0    10240.0  30000.0 29000.0 3000.0 2800.0     10    0.050     2    0.040     4    0.010    0.100
                """;
        assertEquals(1024 + 2048 + 10240 + 1, ServerProbe.usedKiB(jstat)); // 13312.5 rounds up
        assertEquals(-1, ServerProbe.usedKiB("nothing"));
    }
}
