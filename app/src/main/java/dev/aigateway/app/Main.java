package dev.aigateway.app;

import io.helidon.logging.common.LogConfig;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;
import sun.misc.Signal;

/** Starts the gateway: {@code java -jar gateway.jar [config.yaml]}; without an argument the embedded default. */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() { }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        if (args.length > 1) {
            exit(2, "usage: java -jar gateway.jar [config.yaml]");
        }
        ConfigLoader loader = new ConfigLoader(System.getenv(), warning -> LOG.log(Level.WARNING, warning));
        ConfigSource source = ConfigSource.of(loader, args.length == 1 ? Optional.of(Path.of(args[0]))
                : Optional.empty());
        Gateway gateway;
        try {
            gateway = Gateway.start(source);
        } catch (ConfigException | IllegalArgumentException e) {
            exit(2, "invalid configuration: " + e.getMessage());
            return;
        } catch (IllegalStateException e) {
            exit(1, e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
        // SIGHUP reloads, as for nginx and Kong; the reload logs what it applied or why it refused.
        Signal.handle(new Signal("HUP"), signal -> gateway.reload());
        LOG.log(Level.INFO, "gateway listening on port " + gateway.port() + " (" + gateway.config().listenOrigin()
                + ") with " + gateway.config().routes().size()
                + " routes, started in " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
    }

    private static void exit(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
