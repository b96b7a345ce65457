package la.methc.plugins.faults.internal;

import la.methc.api.Host;
import la.methc.api.Mutability;
import la.methc.api.OscArgs;
import la.methc.api.ResourceDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/test/faults/resource}, {@code /resource/new s:uri i:id [s:mode]}: mode {@code ok}
 * (default), {@code construct-throws} (an IllegalStateException), {@code construct-refuses} (an
 * IllegalArgumentException: bad arguments), {@code construct-null} or {@code destroy-throws} (constructs; its
 * destroy throws).
 */
@Component(service = ResourceDef.class)
public final class FaultyResourceDef implements ResourceDef {

    static final String URI = Faults.URI + "resource";

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public Mutability mutability() {
        return Mutability.MUTABLE;
    }

    /** Worker thread. */
    @Override
    public Object construct(Host host, OscArgs args) {
        String mode = args.has(0) ? args.stringAt(0) : "ok";
        return switch (mode) {
            case "ok" -> new FaultyResource(false);
            case "destroy-throws" -> new FaultyResource(true);
            case "construct-throws" -> throw Faults.injected("resource construct", 0);
            case "construct-refuses" -> throw new IllegalArgumentException("injected fault: resource arguments");
            case "construct-null" -> null;
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    /** Worker thread. */
    @Override
    public void destroy(Host host, Object body) {
        if (((FaultyResource) body).destroyThrows) {
            throw Faults.injected("resource destroy", 0);
        }
    }
}
