package la.methc.engine.internal.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * The checked bundle's DS components as SCR sees them ({@link ServiceComponentRuntime} DTOs): waits until their
 * states stop changing, then reports the ones not satisfied: references unsatisfied (with the interface and
 * target), a configuration missing, activation failed. The check thread.
 */
final class Components {

    private static final long SETTLE_MS = 500;
    private static final long MAX_WAIT_MS = 5_000;

    private final BundleContext context;
    private final Bundle bundle;

    Components(BundleContext context, Bundle bundle) {
        this.context = context;
        this.bundle = bundle;
    }

    /** Waits (at most 5 s) until the component states have stayed the same for half a second. */
    void awaitSettled() throws InterruptedException {
        long deadline = System.currentTimeMillis() + MAX_WAIT_MS;
        String last = null;
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            String now = states();
            if (!now.equals(last)) {
                last = now;
                since = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - since >= SETTLE_MS && !now.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private String states() {
        StringBuilder s = new StringBuilder();
        withScr(scr -> {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
                s.append(d.name).append(scr.isComponentEnabled(d));
                scr.getComponentConfigurationDTOs(d).forEach(c -> s.append(c.state));
            }
        });
        return s.toString();
    }

    /** One line per component into {@code report}: a FAIL for each that is not satisfied. */
    void report(CheckReport report) {
        if (!withScr(scr -> {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
                String what = "component " + d.name;
                if (!scr.isComponentEnabled(d)) {
                    report.note(what + ": disabled");
                    continue;
                }
                var configs = scr.getComponentConfigurationDTOs(d);
                if (configs.isEmpty()) {
                    report.fail(what + ": not satisfied: it waits for a configuration (PID "
                            + String.join(", ", d.configurationPid) + ", policy " + d.configurationPolicy + ")");
                }
                for (ComponentConfigurationDTO c : configs) {
                    String problem = problem(d, c);
                    if (problem == null) {
                        report.ok(what + ": " + (c.state == ComponentConfigurationDTO.ACTIVE ? "active" : "satisfied"));
                    } else {
                        report.fail(what + ": " + problem);
                    }
                }
            }
        })) {
            report.note("bundle " + bundle.getSymbolicName() + ": no ServiceComponentRuntime, its components unchecked");
        }
    }

    private static String problem(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        switch (c.state) {
            case ComponentConfigurationDTO.ACTIVE:
                return null;
            case ComponentConfigurationDTO.SATISFIED:
                // a delayed one waits for its first user; an immediate one would be active by now (states settled):
                // SCR could not even load it, e.g. its class is missing, and keeps it at satisfied
                return d.immediate ? "satisfied but not active: an immediate component that failed to activate (the"
                        + " log says why)" : null;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "not satisfied: it waits for a configuration (PID " + String.join(", ", d.configurationPid) + ")";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                List<String> refs = new ArrayList<>();
                for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                    ReferenceDTO r = Arrays.stream(d.references).filter(x -> x.name.equals(u.name)).findFirst()
                            .orElse(null);
                    refs.add(u.name + (r == null ? "" : " (" + r.interfaceName + ", " + r.cardinality + ")")
                            + (u.target == null ? "" : " target " + u.target));
                }
                return "not satisfied: no service for reference " + String.join("; ", refs);
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "activation failed: " + firstLines(c.failure);
            default:
                return "in state " + c.state;
        }
    }

    /** The exception line of a stack trace and its first "Caused by", without the frames. */
    private static String firstLines(String trace) {
        if (trace == null) {
            return "(no reason given)";
        }
        return trace.lines().filter(l -> !l.startsWith("\t") && !l.isBlank()).limit(2)
                .collect(Collectors.joining(" / "));
    }

    private interface ScrUse {
        void accept(ServiceComponentRuntime scr);
    }

    /** Runs {@code use} with SCR; false when there is none. */
    private boolean withScr(ScrUse use) {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : context.getService(ref);
        if (scr == null) {
            return false;
        }
        try {
            use.accept(scr);
            return true;
        } finally {
            context.ungetService(ref);
        }
    }
}
