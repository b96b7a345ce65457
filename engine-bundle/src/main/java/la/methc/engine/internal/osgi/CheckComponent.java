package la.methc.engine.internal.osgi;

import java.nio.file.Path;
import la.methc.engine.internal.EngineOptions;
import la.methc.engine.internal.SampleRoot;
import la.methc.engine.internal.check.CheckHost;
import la.methc.engine.internal.check.CheckReport;
import la.methc.engine.internal.check.PluginCheck;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/methcla check-plugin JAR} (property {@value #JAR}): once the distribution's plugins are bound, checks the
 * jar ({@link PluginCheck}), prints the report on standard output and ends the process with its status (0 clean, 1
 * something found, 2 not a jar). Without the property it does nothing: every other engine.
 */
@Component(service = {}, immediate = true)
public final class CheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(CheckComponent.class);
    static final String JAR = "methcla.check.jar";

    private final Thread checker;

    @Activate
    public CheckComponent(BundleContext context) {
        String jar = context.getProperty(JAR);
        if (jar == null || jar.isBlank()) {
            checker = null;
            return;
        }
        checker = new Thread(() -> check(context, Path.of(jar)), "methcla-check");
        checker.setDaemon(true);
        checker.start();
    }

    private static void check(BundleContext context, Path jar) {
        int status;
        try {
            // the command line's options over conf/config.properties, as the engine reads them
            EngineOptions options = OptionSources.fromProperties(context::getProperty);
            CheckHost host = new CheckHost(options.sampleRate(), options.blockSize(),
                    new SampleRoot(options.sampleRoot()));
            new PluginsReady(context).await();
            CheckReport report = new PluginCheck(context, host).run(jar);
            report.print(report.status() == CheckReport.USAGE ? System.err : System.out);
            status = report.status();
        } catch (InterruptedException e) {
            return; // the framework is stopping
        } catch (RuntimeException e) {
            LOG.error("the check of {} failed", jar, e);
            System.out.println("methcla check-plugin: the check itself failed: " + e);
            status = CheckReport.FOUND;
        }
        // System.exit runs Felix's shutdown hook, which stops the framework and so this component: not from here
        int exit = status;
        new Thread(() -> System.exit(exit), "methcla-exit").start();
    }

    @Deactivate
    void deactivate() {
        if (checker != null) {
            checker.interrupt();
        }
    }
}
