package la.methc.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the WARN and ERROR lines the engine logs while it is open (slf4j-simple writes them to
 * {@code System.err}, looked up at each line), passing every line through; keeps the first ERROR lines.
 */
final class LogLines extends OutputStream implements AutoCloseable {

    private static final int SAMPLES = 5;

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    final AtomicLong warnings = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final List<String> errorSamples = new CopyOnWriteArrayList<>();

    private LogLines() {
    }

    /** Starts counting; {@link #close()} puts {@code System.err} back. */
    static LogLines capture() {
        LogLines l = new LogLines();
        System.setErr(new PrintStream(l, true, StandardCharsets.UTF_8));
        return l;
    }

    @Override
    public synchronized void write(int b) {
        original.write(b);
        if (b != '\n') {
            line.write(b);
            return;
        }
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (s.contains("] WARN ")) {
            warnings.incrementAndGet();
        } else if (s.contains("] ERROR ")) {
            if (errors.incrementAndGet() <= SAMPLES) {
                errorSamples.add(s);
            }
        }
    }

    @Override
    public void flush() {
        original.flush();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
