package la.methc.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The built distribution's {@code bin/methcla}, started as a process the way a user starts it. */
final class Launcher {

    static final Path DIST = Path.of(System.getProperty("methcla.dist.dir", "target/dist"));

    private Launcher() {
    }

    /**
     * Starts {@code bin/methcla args…} in the distribution with {@code env} added, its output to {@code log}; a
     * render's framework cache goes under {@code work}, not to the home folder.
     */
    static Process start(Path work, Path log, Map<String, String> env, String... args) throws IOException {
        return start(work, log, env, ProcessBuilder.Redirect.from(new File("/dev/null")), args);
    }

    /** As {@link #start}, with the process's standard input a pipe the caller writes to (e.g. {@code --shell}). */
    static Process startTyped(Path work, Path log, String... args) throws IOException {
        return start(work, log, Map.of(), ProcessBuilder.Redirect.PIPE, args);
    }

    private static Process start(Path work, Path log, Map<String, String> env, ProcessBuilder.Redirect input,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "bin/methcla"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(DIST.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(input);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Starts {@code bin/methcla --port port --driver dummy extra…} (its output to {@code log}) and waits until it is
     * ready; a server that does not get ready is stopped and the wait's failure thrown.
     */
    static Process serve(Path work, Path log, int port, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--driver", "dummy"));
        args.addAll(List.of(extra));
        Process engine = start(work, log, Map.of(), args.toArray(new String[0]));
        try {
            waitFor(log, "methcla ready udp 127.0.0.1:" + port, 20_000);
        } catch (Throwable e) {
            engine.destroyForcibly();
            throw e;
        }
        return engine;
    }

    /** Waits until {@code log} contains {@code needle}; fails with the log after {@code timeoutMs}. */
    static void waitFor(Path log, String needle, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(needle)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + needle + "' in " + log + ":\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "<no log>"));
    }
}
