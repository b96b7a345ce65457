package la.methc.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

class StartupGuardTest {

    @Test
    void aPlatformBundleThatStillDoesNotStartIsAFailure() {
        Bundle engine = bundle(7, "engine-bundle", Bundle.INSTALLED, 2, false, "Unable to resolve engine-bundle");
        assertEquals(List.of("bundle engine-bundle (file:system/engine-bundle.jar) did not start: "
                + "Unable to resolve engine-bundle"), StartupGuard.failures(new Bundle[] {engine}));
    }

    @Test
    void activeBundlesPluginsFragmentsAndTheSystemBundleAreLeftAlone() {
        Bundle[] bundles = {
            bundle(0, "org.apache.felix.framework", Bundle.RESOLVED, 0, false, "the system bundle"),
            bundle(3, "org.apache.felix.scr", Bundle.ACTIVE, 2, false, "active"),
            bundle(4, "lazy", Bundle.STARTING, 2, false, "lazily activated"),
            bundle(5, "fragment", Bundle.RESOLVED, 2, true, "a fragment never starts"),
            bundle(9, "sine-bundle", Bundle.INSTALLED, 3, false, "a plugin may fail alone"),
        };
        assertEquals(List.of(), StartupGuard.failures(bundles));
    }

    @Test
    void aBundleThatStartsWhenAskedAgainIsNoFailure() {
        Bundle late = bundle(6, "late", Bundle.RESOLVED, 1, false, null);
        assertEquals(List.of(), StartupGuard.failures(new Bundle[] {late}));
    }

    /** A bundle whose start throws {@code startError} (or succeeds when null). */
    private static Bundle bundle(long id, String name, int state, int level, boolean fragment, String startError) {
        BundleStartLevel startLevel = proxy(BundleStartLevel.class, (method, args) ->
                method.equals("getStartLevel") ? level : null);
        BundleRevision revision = proxy(BundleRevision.class, (method, args) ->
                method.equals("getTypes") ? (fragment ? BundleRevision.TYPE_FRAGMENT : 0) : null);
        return proxy(Bundle.class, (method, args) -> switch (method) {
            case "getBundleId" -> id;
            case "getSymbolicName" -> name;
            case "getState" -> state;
            case "getLocation" -> "file:system/" + name + ".jar";
            case "adapt" -> args[0] == BundleStartLevel.class ? startLevel : revision;
            case "start" -> {
                if (startError != null) {
                    throw new BundleException(startError);
                }
                yield null;
            }
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(StartupGuardTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args)));
    }
}
