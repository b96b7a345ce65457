package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages depend on each other one way only, and its main files stay small enough to read in one
 * sitting (issue 15): an import scan of the sources, package by package.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "la.methc.engine";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(la\\.methc\\.engine[\\w.]*)\\.[A-Z]\\w*",
            Pattern.MULTILINE);
    /** The longest main source file, in lines. */
    private static final int MAX_LINES = 400;

    /** Package → the engine packages its sources import. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find() || !p.group(1).startsWith(ROOT)) {
                    continue;
                }
                Set<String> to = deps.computeIfAbsent(p.group(1), k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(p.group(1))) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        return deps;
    }

    @Test
    void noTwoPackagesDependOnEachOther() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() > 5, "the scan found the engine's packages: " + deps.keySet());
        List<String> cycles = new ArrayList<>();
        for (var e : deps.entrySet()) {
            for (String to : e.getValue()) {
                if (e.getKey().compareTo(to) < 0 && deps.getOrDefault(to, Set.of()).contains(e.getKey())) {
                    cycles.add(e.getKey() + " <-> " + to);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void everyPackageSaysWhatItHoldsAndWhoMayCallIt() throws IOException {
        assertEquals(List.of(), dependencies().keySet().stream()
                .filter(p -> !Files.exists(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .toList(), "packages without a package-info.java");
    }

    @Test
    void noMainFileIsLongerThanCanBeReadInOneSitting() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = Files.lines(f).count();
                if (lines > MAX_LINES) {
                    long_.add(SOURCES.relativize(f) + ": " + lines);
                }
            }
        }
        assertEquals(List.of(), long_, "main files over " + MAX_LINES + " lines");
        assertTrue(Files.lines(SOURCES.resolve("la/methc/engine/internal/Engine.java")).count() <= 300,
                "Engine.java at most 300 lines");
    }
}
