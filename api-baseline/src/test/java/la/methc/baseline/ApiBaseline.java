package la.methc.baseline;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * bnd's baseline of one API jar against the jar it must stay compatible with: each exported package's version
 * must be at least what its changes call for (a removed method a major bump, an added one a minor bump, as
 * bnd's differ grades them). The messages are bnd's own wording, so they read as they would from
 * bnd-baseline-maven-plugin.
 */
final class ApiBaseline {

    private ApiBaseline() {}

    /** Why {@code newer} may not ship after {@code older}: one entry per package at fault, empty when none. */
    static List<String> problems(File newer, File older) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Processor reporter = new Processor(); Jar n = new Jar(newer); Jar o = new Jar(older)) {
            Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
            List<Info> infos = new ArrayList<>(baseline.baseline(n, o, null));
            infos.sort(Comparator.comparing(i -> i.packageName));
            for (Info info : infos) {
                if (info.packageDiff.getDelta() == Delta.REMOVED) {
                    // bnd leaves a vanished package to the bundle version, unchecked below 1.0.0: catch it here
                    problems.add(String.format("Package %s, exported at %s by %s, is no longer exported: a MAJOR change",
                        info.packageName, info.olderVersion, older.getName()));
                } else if (info.mismatch) {
                    problems.add(String.format(
                        "Baseline mismatch for package %s, %s change. Current is %s, repo is %s, suggest %s or %s%n%s",
                        info.packageName, info.packageDiff.getDelta(), info.newerVersion, info.olderVersion,
                        info.suggestedVersion, info.suggestedIfProviders == null ? "-" : info.suggestedIfProviders,
                        info.reason));
                }
            }
            for (String error : reporter.getErrors()) {
                problems.add("bnd: " + error);
            }
        }
        return problems;
    }
}
