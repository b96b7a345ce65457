package la.methc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One server's figures by key (e.g. {@code sync.p50}), kept in a small tab-separated file
 * ({@code key<TAB>value<TAB>note}) so that the table can be made from runs of separate processes.
 */
final class Results {

    record Figure(double value, String note) {
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();

    void put(String key, double value, String note) {
        figures.put(key, new Figure(value, note.replace('\t', ' ').replace('\n', ' ')));
        System.out.printf("  %-24s %12.3f  %s%n", key, value, note);
    }

    Figure get(String key) {
        return figures.get(key);
    }

    /** Whether some figure's key starts with {@code prefix}. */
    boolean hasAny(String prefix) {
        return figures.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** Appends to {@code file} (so that the online and offline figures of a server end up in one file). */
    void appendTo(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Figure> e : figures.entrySet()) {
            b.append(e.getKey()).append('\t').append(e.getValue().value()).append('\t').append(e.getValue().note())
                    .append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Reads a file written by {@link #appendTo}; a missing file gives no figures. */
    static Results read(Path file) throws IOException {
        Results r = new Results();
        if (file == null || !Files.exists(file)) {
            return r;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            if (f.length >= 2) {
                r.figures.put(f[0], new Figure(Double.parseDouble(f[1]), f.length > 2 ? f[2] : ""));
            }
        }
        return r;
    }
}
