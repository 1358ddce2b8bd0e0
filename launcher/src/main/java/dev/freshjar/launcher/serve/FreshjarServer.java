package dev.freshjar.launcher.serve;

import dev.freshjar.cache.Durations;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.IoProblems;
import dev.freshjar.launcher.output.Untrusted;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code freshjar serve}: the rules as an HTTP service on Jetty, until SIGTERM (or Ctrl-C) stops
 * it: it then stops accepting, lets the requests in flight finish within the grace period, closes
 * the modules and exits 0.
 *
 * <p>Only this package refers to Jetty, and only {@code serve} loads it: a rule's one-shot run
 * never pays for the server's classes.
 */
public final class FreshjarServer {
  // The loopback addresses anyone may bind without a token; any other needs one.
  private static final Set<String> OPEN_ADDRESSES = Set.of("127.0.0.1", "::1", "localhost");

  private FreshjarServer() {}

  /**
   * Serves {@code modules} until the process is told to stop; never returns normally then, since
   * the stop ends the process with status 0.
   *
   * @return the exit status, when the server could not start
   */
  public static int run(ServeOptions options, ServedModules modules, PrintStream err) {
    Optional<BearerToken> token = options.tokenFile().map(BearerToken::read);
    options
        .tokenFile()
        .filter(FreshjarServer::othersMayRead)
        .ifPresent(
            file ->
                err.println(
                    "freshjar: warning: --token-file "
                        + Untrusted.text(file.toString())
                        + " can be read by other users; 'chmod 600' it"));
    if (token.isEmpty() && !OPEN_ADDRESSES.contains(options.bind())) {
      throw CommandFailure.usage(
          "--bind "
              + options.bind()
              + " makes the rules reachable from other addresses than this machine's loopback:"
              + " give --token-file FILE too, so that every request must carry its token");
    }
    QueuedThreadPool threads = new QueuedThreadPool(options.maxConcurrent() + 16, 4);
    threads.setName("freshjar-http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Jetty's per-connection cache of header fields matches values regardless of case by default:
    // on a kept-alive connection, "Bearer S3CRET" after "Bearer s3cret" would read as the latter.
    http.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(options.bind());
    connector.setPort(options.port());
    connector.setIdleTimeout(options.idleTimeout().toMillis());
    server.addConnector(connector);
    server.setHandler(new GracefulHandler(new Routes(modules, options, token, err)));
    server.setErrorHandler(new JsonErrors());
    server.setRequestLog(
        new CustomRequestLog(accessLog(options, err), CustomRequestLog.NCSA_FORMAT));
    server.setStopTimeout(options.grace().toMillis());
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server, err);
      throw new CommandFailure(
          ExitStatus.RULE_FAILED,
          "cannot listen on " + options.bind() + " port " + options.port() + ": " + e.getMessage(),
          e);
    }
    String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
    err.println("freshjar: listening on http://" + host + ":" + connector.getLocalPort() + "/");
    // Set while the hook is the way out: a failure of freshjar's own must not exit 0.
    AtomicBoolean serving = new AtomicBoolean(true);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (serving.get()) {
                    stop(server, modules, options, err);
                  }
                },
                "freshjar-stop"));
    try {
      modules.load();
      options.watch().ifPresent(every -> Watch.start(every, modules, err));
      err.println("freshjar: ready");
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      serving.set(false);
      stopQuietly(server, err);
      modules.close();
      throw e;
    }
    return ExitStatus.OK.code();
  }

  /**
   * SIGTERM or Ctrl-C: stop accepting, let requests in flight finish within the grace period, close
   * the modules. Then halt with status 0: a JVM stopped by a signal would otherwise exit 143, which
   * tells a supervisor that the stop went wrong when it went as asked.
   */
  private static void stop(
      Server server, ServedModules modules, ServeOptions options, PrintStream err) {
    err.println(
        "freshjar: stopping: finishing the requests in flight (at most "
            + Durations.format(options.grace())
            + ")");
    boolean clean = stopQuietly(server, err);
    modules.close();
    err.println(clean ? "freshjar: stopped" : "freshjar: stopped, not cleanly");
    err.flush();
    Runtime.getRuntime().halt(clean ? ExitStatus.OK.code() : ExitStatus.RULE_FAILED.code());
  }

  private static boolean stopQuietly(Server server, PrintStream err) {
    try {
      server.stop();
      return true;
    } catch (Exception e) {
      err.println("freshjar: stopping the server: " + Untrusted.text(e.toString()));
      return false;
    }
  }

  private static boolean othersMayRead(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      // No POSIX permissions to look at (or none readable): nothing to warn about.
      return false;
    }
  }

  private static RequestLog.Writer accessLog(ServeOptions options, PrintStream err) {
    // A request line may carry what Jetty lets through (a C1 control's UTF-8, a bidi override):
    // escaped like all text from outside, since a log is read on a terminal.
    if (options.accessLog().isEmpty()) {
      return line -> err.println(Untrusted.text(line));
    }
    // Jetty would only say so as it starts, in words that read like a failure to listen.
    Path log = options.accessLog().get();
    try {
      Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
    } catch (IOException e) {
      throw CommandFailure.usage(
          "--access-log "
              + log
              + ": cannot write it ("
              + IoProblems.describe(e)
              + "); give a file in a directory you can write");
    }
    RequestLogWriter file =
        new RequestLogWriter(options.accessLog().get().toString()) {
          @Override
          public void write(String line) throws IOException {
            super.write(Untrusted.text(line));
          }
        };
    file.setAppend(true);
    return file;
  }
}
