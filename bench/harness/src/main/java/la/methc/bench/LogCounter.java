package la.methc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts the lines of a log file that contain a marker (e.g. jackd's {@code JackEngine::XRun}). */
final class LogCounter {

    private final Path log;
    private final String marker;

    LogCounter(Path log, String marker) {
        this.log = log;
        this.marker = marker;
    }

    long count() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        // the server may write a partial line meanwhile; it is counted next time
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        long n = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            n++;
        }
        return n;
    }
}
