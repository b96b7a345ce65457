package la.methc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's UDP receive errors ({@code InErrors} of the {@code Udp:} lines of /proc/net/snmp, which
 * include the datagrams dropped for a full receive buffer), and those of one socket (the {@code drops} of
 * /proc/net/udp and udp6: unlike the machine's, not raised by other programs). -1 where there is no such file.
 */
final class UdpCounters {

    private static final Path SNMP = Path.of("/proc/net/snmp");
    private static final List<Path> SOCKETS = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private UdpCounters() {
    }

    static long inErrors() throws IOException {
        if (!Files.isReadable(SNMP)) {
            return -1;
        }
        return parse(Files.readAllLines(SNMP), "InErrors");
    }

    /** Datagrams dropped so far by the UDP sockets bound to local {@code port}, or -1 if there is none. */
    static long socketDrops(int port) throws IOException {
        long drops = -1;
        for (Path p : SOCKETS) {
            if (Files.isReadable(p)) {
                long d = drops(Files.readAllLines(p), port);
                drops = d < 0 ? drops : Math.max(drops, 0) + d;
            }
        }
        return drops;
    }

    /**
     * The sum of the last column ({@code drops}) of the lines of a /proc/net/udp table whose local address
     * ({@code ADDR:PORT}, the port in hex) has {@code port}, or -1 if none has.
     */
    static long drops(List<String> table, int port) {
        String suffix = String.format(":%04X", port);
        long drops = -1;
        for (String line : table) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 2 && f[1].endsWith(suffix) && f[0].endsWith(":")) {
                drops = Math.max(drops, 0) + Long.parseLong(f[f.length - 1]);
            }
        }
        return drops;
    }

    /** The {@code field} of the {@code Udp:} header and value lines of {@code snmp}, or -1. */
    static long parse(List<String> snmp, String field) {
        String[] names = null;
        for (String line : snmp) {
            if (!line.startsWith("Udp:")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (names == null) {
                names = f;
            } else {
                for (int k = 1; k < Math.min(names.length, f.length); k++) {
                    if (names[k].equals(field)) {
                        return Long.parseLong(f[k]);
                    }
                }
                return -1;
            }
        }
        return -1;
    }
}
