package la.methc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parsing and arithmetic the figures rest on. */
class MeasuresTest {

    @Test
    void quantilesAreNearestRank() {
        Samples s = new Samples(100);
        for (int k = 100; k >= 1; k--) {
            s.add(k * 1_000_000L); // 1..100 ms, out of order
        }
        assertEquals(50.0, s.quantile(0.5));
        assertEquals(99.0, s.quantile(0.99));
        assertEquals(100.0, s.quantile(1.0));
    }

    @Test
    void roundsGiveTheMedianOfTheirQuantiles() {
        List<Samples> rounds = List.of(round(1, 2, 3, 40), round(1, 2, 3, 4), round(1, 2, 3, 5));
        // p99 per round: 40, 4, 5 -> 5 (a spoilt round does not decide); p50: 2, 2, 2
        assertEquals(5.0, Samples.medianOfRounds(rounds, 0.99));
        assertEquals(2.0, Samples.medianOfRounds(rounds, 0.5));
        assertEquals(4.5, Samples.medianOfRounds(List.of(round(4), round(5)), 0.99), "even count: the mean of the two");
        assertEquals(7.0, Samples.medianOfRounds(List.of(round(7)), 0.99));
    }

    private static Samples round(int... ms) {
        Samples s = new Samples(ms.length);
        for (int m : ms) {
            s.add(m * 1_000_000L);
        }
        return s;
    }

    @Test
    void udpInErrorsComeFromTheUdpLines() {
        List<String> snmp = List.of(
                "Ip: Forwarding DefaultTTL", "Ip: 1 64",
                "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors",
                "Udp: 1000 3 42 900 40 0",
                "UdpLite: InDatagrams NoPorts InErrors", "UdpLite: 0 0 7");
        assertEquals(42, UdpCounters.parse(snmp, "InErrors"));
        assertEquals(40, UdpCounters.parse(snmp, "RcvbufErrors"));
        assertEquals(-1, UdpCounters.parse(snmp, "NoSuchField"));
    }

    @Test
    void socketDropsComeFromTheLinesOfTheLocalPort() {
        List<String> udp = List.of(
                "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
                "  1: 0100007F:E0B0 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1 2 0000000000000000 17",
                "  2: 0100007F:0B0E 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3 2 0000000000000000 5");
        assertEquals(17, UdpCounters.drops(udp, 0xE0B0));
        assertEquals(5, UdpCounters.drops(udp, 0x0B0E));
        assertEquals(-1, UdpCounters.drops(udp, 1234));
    }

    @Test
    void loadIsTheBusiestThreadsShareOfOneCore() {
        ThreadCpu cpu = new ThreadCpu(1, (String) null);
        Map<String, ThreadCpu.Counters> a = Map.of("10", new ThreadCpu.Counters(0, 0),
                "11", new ThreadCpu.Counters(5_000_000, 0));
        // thread 10: 300 ms of CPU in 1 s -> 0.3; thread 11 less busy
        Map<String, ThreadCpu.Counters> b = Map.of("10", new ThreadCpu.Counters(300_000_000, 1_000_000_000),
                "11", new ThreadCpu.Counters(105_000_000, 1_000_000_000));
        assertEquals(0.3, cpu.load(a, b), 1e-9);
    }

    @Test
    void procFilesAreParsed() {
        assertEquals(3423451444L, ThreadCpu.runNanos("3423451444 84329140 347619\n"));
    }

    @Test
    void ratioFavoursTheSmallerTimeAndTheLargerCount() {
        ComparisonTable.Row time = new ComparisonTable.Row("t", "t", false, "%.1f");
        ComparisonTable.Row count = new ComparisonTable.Row("c", "c", true, "%.1f");
        Results.Figure one = new Results.Figure(1.0, "");
        Results.Figure two = new Results.Figure(2.0, "");
        assertEquals("2.00", ComparisonTable.ratio(time, one, two)); // ours 1 ms, theirs 2 ms
        assertEquals("0.50", ComparisonTable.ratio(count, one, two)); // ours 1 voice, theirs 2
        assertEquals("n/a", ComparisonTable.ratio(count, one, null));
    }

    @Test
    void replyMatchesAddressAndLeadingArguments() {
        Reply r = Reply.of("/done", "/b_alloc", 3);
        assertEquals(true, r.matches(Osc.msg("/done", "/b_alloc", 3)));
        assertEquals(false, r.matches(Osc.msg("/done", "/b_alloc", 4)));
        assertEquals(false, r.matches(Osc.msg("/done", "/b_alloc")));
        assertEquals(false, r.matches(Osc.msg("/fail", "/b_alloc", 3)));
    }
}
