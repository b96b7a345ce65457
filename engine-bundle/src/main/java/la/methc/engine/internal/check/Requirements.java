package la.methc.engine.internal.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Why a bundle does not resolve, told apart from the framework's message (which names the first missing requirement
 * only): each mandatory requirement it declares that no other installed bundle, the system bundle included, offers a
 * capability for. Packages read as {@code package p [low,high)}. The check thread.
 */
final class Requirements {

    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern LOW = Pattern.compile("(?<!!)\\(version>=([^)]+)\\)");
    private static final Pattern HIGH = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");

    private Requirements() {
    }

    /** The requirements of {@code bundle} that nothing installed satisfies, as text. */
    static List<String> missing(BundleContext context, Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        List<BundleCapability> offered = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision r = b.equals(bundle) ? null : b.adapt(BundleRevision.class);
            if (r != null) {
                offered.addAll(r.getDeclaredCapabilities(null));
            }
        }
        List<String> missing = new ArrayList<>();
        for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
            String resolution = req.getDirectives().get("resolution");
            String effective = req.getDirectives().get("effective");
            if ("optional".equals(resolution) || (effective != null && !"resolve".equals(effective))) {
                continue;
            }
            if (offered.stream().noneMatch(req::matches)) {
                missing.add(text(req));
            }
        }
        return missing;
    }

    /** {@code package p [low,high)} for an imported package, else the namespace and its filter. */
    static String text(BundleRequirement req) {
        String filter = req.getDirectives().getOrDefault("filter", "");
        if (!req.getNamespace().equals(PackageNamespace.PACKAGE_NAMESPACE)) {
            return req.getNamespace() + " " + filter;
        }
        return packageText(filter);
    }

    static String packageText(String filter) {
        Matcher name = PACKAGE.matcher(filter);
        if (!name.find()) {
            return "package " + filter;
        }
        Matcher low = LOW.matcher(filter);
        Matcher high = HIGH.matcher(filter);
        String version = low.find() ? (high.find() ? "[" + low.group(1) + "," + high.group(1) + ")"
                : "version " + low.group(1) + " or later") : "of any version";
        return "package " + name.group(1) + " " + version;
    }
}
