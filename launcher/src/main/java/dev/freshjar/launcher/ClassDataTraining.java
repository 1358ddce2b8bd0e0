package dev.freshjar.launcher;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.freshjar.launcher.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run for class-data sharing: {@code bin/freshjar} runs it once after a build, under
 * {@code -XX:ArchiveClassesAtExit}, so that the archive holds the classes of a real warm start —
 * the command line, the cache, the HTTP client answering a conditional GET, module loading and the
 * output formats — whatever command a user happens to run first.
 */
final class ClassDataTraining {
  private ClassDataTraining() {}

  static void run(Path moduleJar) throws IOException {
    ExitGuard.loadClasses();
    byte[] jar = Files.readAllBytes(moduleJar);
    Path work = Files.createTempDirectory("freshjar-training");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/module.jar", answering(jar, "\"t\""));
    byte[] document = "the cat and the hat\nthe end\n".getBytes(StandardCharsets.UTF_8);
    server.createContext("/sample.txt", answering(document));
    // The same jar as a release in a Maven repository, so that a Maven module's warm start (its
    // configuration, the metadata's 304) is archived too.
    String repo = "/repo/dev/freshjar/training/text/";
    byte[] metadata =
        ("<metadata><versioning><versions><version>1.0</version></versions></versioning>"
                + "</metadata>")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(repo + "maven-metadata.xml", answering(metadata, "\"m\""));
    server.createContext(repo + "1.0/text-1.0.jar", answering(jar));
    server.start();
    try {
      Path text = Files.writeString(work.resolve("sample.txt"), "the cat and the hat\nthe end\n");
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String module = "text=" + base + "/module.jar";
      String cache = work.resolve("cache").toString();
      // An empty configuration of its own: the training must never reach the user's modules.
      String config = Files.writeString(work.resolve("modules.conf"), "").toString();
      List<List<String>> commands =
          List.of(
              List.of("update"),
              List.of("top", text.toString()),
              List.of("--format", "tsv", "wc", text.toString()),
              List.of("--format", "json", "histogram", text.toString()),
              List.of("top", base + "/sample.txt"),
              List.of("wc", "-"),
              List.of("rules"),
              List.of("modules"));
      for (List<String> command : commands) {
        String[] args =
            Stream.concat(
                    Stream.of("--config", config, "--cache-dir", cache, "--module", module),
                    command.stream())
                .toArray(String[]::new);
        // Never the user's standard input: the training runs unseen.
        InputStream in = new ByteArrayInputStream(document);
        Cli.run(args, in, new PrintWriter(new StringWriter()), nowhere(), Map.of());
      }
      // As on a terminal too (what bin/freshjar says when it finds one): its classes (terminal
      // facts, progress meters, table fitting) would otherwise open the jars at every such run.
      System.setProperty("freshjar.terminal", "out,err");
      System.setProperty("freshjar.columns", "80");
      try {
        Cli.run(
            new String[] {
              "--config", config, "--cache-dir", cache, "--module", module, "top", text.toString()
            },
            System.in,
            new PrintWriter(new StringWriter()),
            nowhere(),
            Map.of());
      } finally {
        System.clearProperty("freshjar.terminal");
        System.clearProperty("freshjar.columns");
      }
      String maven =
          Files.writeString(
                  work.resolve("maven.conf"),
                  "[module text]\nmaven = dev.freshjar.training:text\nrepository = http://127.0.0.1:"
                      + server.getAddress().getPort()
                      + "/repo\n")
              .toString();
      String mavenCache = work.resolve("maven-cache").toString();
      for (List<String> command :
          List.of(List.of("update"), List.of("--format", "tsv", "wc", text.toString()))) {
        String[] args =
            Stream.concat(Stream.of("--config", maven, "--cache-dir", mavenCache), command.stream())
                .toArray(String[]::new);
        Cli.run(args, System.in, new PrintWriter(new StringWriter()), nowhere(), Map.of());
      }
    } finally {
      server.stop(0);
      deleteTree(work);
    }
  }

  /** Answers every request with {@code bytes}. */
  private static HttpHandler answering(byte[] bytes) {
    return exchange -> {
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(bytes);
      }
    };
  }

  /** Answers with {@code bytes} and {@code etag}, or with 304 a request that names the etag. */
  private static HttpHandler answering(byte[] bytes, String etag) {
    return exchange -> {
      boolean unchanged = etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
      exchange.getResponseHeaders().add("ETag", etag);
      exchange.sendResponseHeaders(unchanged ? 304 : 200, unchanged ? -1 : bytes.length);
      try (OutputStream body = exchange.getResponseBody()) {
        if (!unchanged) {
          body.write(bytes);
        }
      }
    };
  }

  private static PrintStream nowhere() {
    return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
