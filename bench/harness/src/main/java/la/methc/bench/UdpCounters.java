package la.methc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's UDP receive errors ({@code InErrors} of the {@code Udp:} lines of /proc/net/snmp, which
 * include the datagrams dropped for a full receive buffer). -1 where there is no such file.
 */
final class UdpCounters {

    private static final Path SNMP = Path.of("/proc/net/snmp");

    private UdpCounters() {
    }

    static long inErrors() throws IOException {
        if (!Files.isReadable(SNMP)) {
            return -1;
        }
        return parse(Files.readAllLines(SNMP), "InErrors");
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
