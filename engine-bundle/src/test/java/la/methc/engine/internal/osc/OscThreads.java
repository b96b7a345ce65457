package la.methc.engine.internal.osc;

import java.util.List;
import java.util.stream.Collectors;

/** The live threads the OSC transports started. */
final class OscThreads {

    private OscThreads() {
    }

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("methcla-osc"))
                .map(Thread::getName)
                .sorted()
                .collect(Collectors.toList());
    }
}
