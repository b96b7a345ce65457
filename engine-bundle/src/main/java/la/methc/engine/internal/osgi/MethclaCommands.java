package la.methc.engine.internal.osgi;

import la.methc.engine.internal.EngineQueries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo commands of {@code bin/methcla --shell}: {@code methcla:status}, {@code methcla:tree},
 * {@code methcla:defs} and {@code methcla:resources} print the engine's state, asked as a client asks
 * ({@link EngineQueries}). Gogo calls them on its session thread; each returns the text it prints.
 */
@Component(service = MethclaCommands.class, property = {"osgi.command.scope=methcla",
    "osgi.command.function=status", "osgi.command.function=tree", "osgi.command.function=defs",
    "osgi.command.function=resources"})
public final class MethclaCommands {

    private final EngineComponent engine;

    @Activate
    public MethclaCommands(@Reference EngineComponent engine) {
        this.engine = engine;
    }

    /** Nodes, load, late blocks, sample rate and block size: {@code /status}. */
    public String status() {
        return ShellText.status(queries().status());
    }

    /** The node tree from the root, depth first: {@code /group/queryTree 0}. */
    public String tree() {
        return ShellText.tree(queries().tree());
    }

    /** Every bound SynthDef and its ports: {@code /synthdef/list}, {@code /synthdef/info}. */
    public String defs() {
        return ShellText.defs(queries().defs());
    }

    /** Every Resource that is not free: its state, holders and kind ({@code /resource/query}). */
    public String resources() {
        return ShellText.resources(queries().resources());
    }

    private EngineQueries queries() {
        EngineQueries q = engine.queries();
        if (q == null) {
            throw new IllegalStateException("the engine is not running");
        }
        return q;
    }
}
