package dev.freshjar.launcher.cli;

import dev.freshjar.cache.ModuleCache;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.modules.Refresher;
import dev.freshjar.launcher.serve.FreshjarServer;
import dev.freshjar.launcher.serve.ServeOptions;
import dev.freshjar.launcher.serve.ServedModules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the rules over HTTP until stopped (SIGTERM, Ctrl-C): POST /rules/RULE with the"
          + " document as the body, GET /rules, GET /modules, GET /health, POST /update. New module"
          + " versions are picked up without a restart. See docs/serve.md."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description =
          "The address to listen on (default: ${DEFAULT-VALUE}); any other than 127.0.0.1 or ::1"
              + " needs --token-file.")
  String bind = "127.0.0.1";

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "The port (default: ${DEFAULT-VALUE}); 0 picks a free one, told on stderr.")
  int port = 8080;

  @Mixin WatchOption watch;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Every request must carry 'Authorization: Bearer TOKEN', TOKEN this file's.")
  Path tokenFile;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      converter = SizeConverter.class,
      description = "The largest request body, e.g. 100m (default: 1g); larger ones get 413.")
  long maxBody = 1L << 30;

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      description = "Requests in flight at once (default: ${DEFAULT-VALUE}); more get 503.")
  int maxConcurrent = 64;

  @Option(
      names = "--access-log",
      paramLabel = "FILE",
      description = "Append the access log (common log format) to FILE instead of stderr.")
  Path accessLog;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long a rule may run for one request (default: 60s); then 503.")
  Duration requestTimeout = Duration.ofSeconds(60);

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Cut a connection idle this long, e.g. a client that stops sending (default: 30s).")
  Duration idleTimeout = Duration.ofSeconds(30);

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "On SIGTERM, how long requests in flight may take to finish (default: 30s).")
  Duration grace = Duration.ofSeconds(30);

  @Override
  public Integer call() {
    Optional<Duration> period = watch.period();
    WatchOption.positive("--request-timeout", requestTimeout);
    WatchOption.positive("--idle-timeout", idleTimeout);
    if (port < 0 || port > 65535) {
      throw CommandFailure.usage("--port must be 0 to 65535, not " + port);
    }
    if (maxConcurrent < 1) {
      throw CommandFailure.usage("--max-concurrent must be at least 1, not " + maxConcurrent);
    }
    if (grace.isNegative()) {
      throw CommandFailure.usage("--grace cannot be negative");
    }
    Refresher.Mode mode = parent.refreshMode();
    List<ModuleSource> sources = parent.sources();
    ModuleCache cache = parent.cache();
    ServedModules modules =
        new ServedModules(
            new ServedModules.Setup(
                sources,
                new Refresher(cache, parent.updateTimeout()),
                mode,
                mode.forReloads(),
                CacheSweep.of(cache, parent.streams().err()),
                statuses -> parent.warn(statuses, mode),
                line -> parent.streams().err().println("freshjar: " + line)));
    ServeOptions options =
        new ServeOptions(
            bind,
            port,
            period,
            Optional.ofNullable(tokenFile),
            maxBody,
            maxConcurrent,
            Optional.ofNullable(accessLog),
            requestTimeout,
            idleTimeout,
            grace);
    return FreshjarServer.run(options, modules, parent.streams().err());
  }
}
