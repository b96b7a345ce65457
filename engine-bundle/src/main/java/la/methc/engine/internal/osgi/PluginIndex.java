package la.methc.engine.internal.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import la.methc.engine.internal.driver.ScoreNames;

/**
 * The render cache's index of the plugins (ADR 0018): which plugin bundle (by location) provides which SynthDef
 * or ResourceDef URI or CommandDef address, and which other plugins each needs (packages it imports from them,
 * services of theirs it uses). Written by a render that started every plugin; read by the next to start only the
 * plugins its score names, with what they need. A text file, one fact a line, tab-separated.
 *
 * <p>Threads: any; an instance is immutable.
 */
final class PluginIndex {

    static final String HEADER = "methcla plugin index 1";

    /** Every plugin the index was made from. */
    private final Set<String> bundles;
    /** URI or address → the location of the bundle that provides it. */
    private final Map<String, String> providers;
    /** Location → the locations of the plugins it needs. */
    private final Map<String, Set<String>> needs;

    PluginIndex(Set<String> bundles, Map<String, String> providers, Map<String, Set<String>> needs) {
        this.bundles = Set.copyOf(bundles);
        this.providers = Map.copyOf(providers);
        Map<String, Set<String>> n = new TreeMap<>();
        needs.forEach((k, v) -> n.put(k, Set.copyOf(v)));
        this.needs = Map.copyOf(n);
    }

    Set<String> bundles() {
        return bundles;
    }

    /**
     * The plugins to start for a score, or why all of them: a plugins folder other than the index's, or a name
     * the index does not know (a def or command no plugin provided when the index was made).
     */
    Selection select(ScoreNames names, Set<String> installed) {
        if (!installed.equals(bundles)) {
            return Selection.all("the plugins are not those of the index");
        }
        Deque<String> todo = new ArrayDeque<>();
        for (String uri : names.defUris()) {
            String b = providers.get(uri);
            if (b == null) {
                return Selection.all("the score names " + uri + ", which no indexed plugin provides");
            }
            todo.add(b);
        }
        for (String address : names.commands()) {
            String b = providers.get(address);
            if (b == null) {
                return Selection.all("the score sends " + address + ", which no indexed plugin provides");
            }
            todo.add(b);
        }
        for (String s : names.strings()) {
            String b = providers.get(s);
            if (b != null) {
                todo.add(b);
            }
        }
        Set<String> chosen = new TreeSet<>();
        while (!todo.isEmpty()) {
            String b = todo.pop();
            if (chosen.add(b)) {
                todo.addAll(needs.getOrDefault(b, Set.of()));
            }
        }
        return new Selection(Set.copyOf(chosen), null);
    }

    /**
     * The plugins a render starts: {@code locations}, or every plugin when {@code locations} is null, for
     * {@code whyAll}.
     */
    record Selection(Set<String> locations, String whyAll) {

        static Selection all(String why) {
            return new Selection(null, why);
        }

        boolean all() {
            return locations == null;
        }
    }

    /** The index in {@code file}, or null when there is none or it is not one this version wrote. */
    static PluginIndex read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return null;
        }
        Set<String> bundles = new TreeSet<>();
        Map<String, String> providers = new TreeMap<>();
        Map<String, Set<String>> needs = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("bundle") && f.length == 2) {
                bundles.add(f[1]);
            } else if (f[0].equals("provides") && f.length == 3) {
                providers.put(f[2], f[1]);
            } else if (f[0].equals("needs") && f.length == 3) {
                needs.computeIfAbsent(f[1], k -> new TreeSet<>()).add(f[2]);
            } else {
                return null; // not ours, or cut short: start everything and write it again
            }
        }
        return new PluginIndex(bundles, providers, needs);
    }

    /** Writes the index to {@code file} whole (a new file moved over the old one). */
    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String b : new TreeSet<>(bundles)) {
            text.append("bundle\t").append(b).append('\n');
        }
        new TreeMap<>(providers).forEach((name, b) -> text.append("provides\t").append(b).append('\t').append(name)
                .append('\n'));
        new TreeMap<>(needs).forEach((b, n) -> new TreeSet<>(n).forEach(d -> text.append("needs\t").append(b)
                .append('\t').append(d).append('\n')));
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        try {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A name that fits in a line of the index: no tab, no line break (one that does not is left out). */
    static boolean indexable(String s) {
        return s != null && !s.isEmpty() && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }
}
