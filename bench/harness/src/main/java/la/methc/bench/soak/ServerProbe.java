package la.methc.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the server process from outside: resident memory and thread count from {@code /proc/PID/status}, and the
 * Java heap in use after a full GC ({@code jcmd PID GC.run}, then the used columns of {@code jstat -gc PID}).
 */
final class ServerProbe {

    private static final long TOOL_TIMEOUT_S = 60;

    private final long pid;

    ServerProbe(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    boolean alive() {
        return Files.isDirectory(Path.of("/proc", Long.toString(pid)));
    }

    /** VmRSS in KiB, or -1. */
    long rssKiB() {
        return statusField("VmRSS:");
    }

    /** Threads, or -1. */
    long threads() {
        return statusField("Threads:");
    }

    private long statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone, or the format is not what Linux writes
        }
        return -1;
    }

    /** Heap used after a full GC, in KiB (survivors, eden and old generation), or -1 if the tools failed. */
    long heapAfterGcKiB() {
        if (run("jcmd", Long.toString(pid), "GC.run") == null) {
            return -1;
        }
        String out = run("jstat", "-gc", Long.toString(pid));
        return out == null ? -1 : usedKiB(out);
    }

    /** The sum of the S0U, S1U, EU and OU columns of {@code jstat -gc} output, or -1. */
    static long usedKiB(String jstat) {
        List<String> lines = jstat.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            return -1;
        }
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double sum = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            int i = header.indexOf(column);
            if (i < 0 || i >= values.length) {
                return -1;
            }
            try {
                sum += Double.parseDouble(values[i]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return Math.round(sum);
    }

    /** Runs a JDK tool (the running JDK's, else from the PATH) for at most a minute; its output, or null. */
    private static String run(String tool, String... args) {
        Path jdkTool = Path.of(System.getProperty("java.home"), "bin", tool);
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(jdkTool) ? jdkTool.toString() : tool);
        command.addAll(List.of(args));
        Path out = null;
        try {
            out = Files.createTempFile("methcla-soak-", ".out");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(TOOL_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? Files.readString(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
