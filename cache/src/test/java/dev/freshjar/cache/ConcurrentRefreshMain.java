package dev.freshjar.cache;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a separate JVM by {@link MultiProcessTest}: opens the cache, says "ready", waits for a
 * line on standard input so that both processes start refreshing together, then refreshes the
 * module from each URL in turn and prints one line per result. Exits 1 if any refresh was not
 * fresh.
 */
public final class ConcurrentRefreshMain {
  private ConcurrentRefreshMain() {}

  public static void main(String[] args) throws Exception {
    ModuleCache cache = ModuleCache.open(Path.of(args[0]));
    String module = args[1];
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    int status = 0;
    for (int i = 2; i < args.length; i++) {
      ModuleSource source =
          new ModuleSource(module, URI.create(args[i]), false, Duration.ofSeconds(20));
      Refresh r = cache.refresh(source, TestJars.DECLARES_RULES, false);
      if (r instanceof Refresh.Fresh f) {
        System.out.println("fresh " + f.current().sha256());
      } else {
        System.out.println("not fresh: " + r);
        status = 1;
      }
    }
    System.exit(status);
  }
}
