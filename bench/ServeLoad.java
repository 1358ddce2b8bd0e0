// The load client of bench/serve.sh: run as a single-file program, `java bench/ServeLoad.java`.
//
// Against a running `freshjar serve` at BASE, it times:
//   - POST /rules/top with CORPUS as the body, by C concurrent clients for each C in CLIENTS,
//     after a warm-up: median and p99 latency, requests per second;
//   - one request against one run of the one-shot command on the same file, interleaved ROUNDS
//     times (ONESHOT is the command, its last argument the file): medians and their ratio;
//   - a BIG file POSTed to /rules/wc and /rules/top, streamed from disk: wall time and MB/s.
//
// Usage: java ServeLoad.java BASE CORPUS REQUESTS CLIENTS ROUNDS BIG -- ONESHOT...
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class ServeLoad {
  static HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    byte[] corpus = Files.readAllBytes(Path.of(args[1]));
    int requests = Integer.parseInt(args[2]);
    int[] clients = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    int rounds = Integer.parseInt(args[4]);
    Path big = Path.of(args[5]);
    List<String> oneShot = Arrays.asList(args).subList(7, args.length);
    URI top = base.resolve("/rules/top");

    String expected = post(top, corpus);
    for (int i = 0; i < 200; i++) {
      check(post(top, corpus), expected);
    }
    System.out.println("| clients | requests | median | p99 | requests/s |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: |");
    for (int c : clients) {
      load(top, corpus, expected, c, requests);
    }

    List<Double> request = new ArrayList<>();
    List<Double> process = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      check(post(top, corpus), expected);
      request.add(ms(System.nanoTime() - t0));
      long t1 = System.nanoTime();
      Process p =
          new ProcessBuilder(oneShot)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("the one-shot command failed");
      }
      process.add(ms(System.nanoTime() - t1));
    }
    double r = median(request);
    double o = median(process);
    System.out.println();
    System.out.printf("| measure (median of %d, interleaved) | ms |%n", rounds);
    System.out.println("| --- | ---: |");
    System.out.printf("| one warm POST /rules/top, corpus as body | %.1f |%n", r);
    System.out.printf("| one-shot `%s` | %.1f |%n", String.join(" ", oneShot.subList(1, oneShot.size())).replaceAll("/\\S*/", ""), o);
    System.out.printf("| ratio request / one-shot | %.3f |%n", r / o);

    System.out.println();
    System.out.println("| big body (" + Files.size(big) / 1_000_000 + " MB, streamed from disk) | s | MB/s |");
    System.out.println("| --- | ---: | ---: |");
    for (String rule : List.of("wc", "top")) {
      long t0 = System.nanoTime();
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(base.resolve("/rules/" + rule))
                  .POST(HttpRequest.BodyPublishers.ofFile(big))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double s = (System.nanoTime() - t0) / 1e9;
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(answer.statusCode() + " " + answer.body());
      }
      System.out.printf("| POST /rules/%s | %.2f | %.0f |%n", rule, s, Files.size(big) / 1e6 / s);
    }
  }

  static void load(URI top, byte[] corpus, String expected, int c, int requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(c);
    List<Future<List<Double>>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < c; i++) {
      futures.add(
          pool.submit(
              () -> {
                List<Double> times = new ArrayList<>();
                for (int n = 0; n < requests / c; n++) {
                  long t0 = System.nanoTime();
                  check(post(top, corpus), expected);
                  times.add(ms(System.nanoTime() - t0));
                }
                return times;
              }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> f : futures) {
      all.addAll(f.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Collections.sort(all);
    System.out.printf(
        "| %d | %d | %.1f ms | %.1f ms | %.1f |%n",
        c, all.size(), median(all), all.get((int) Math.ceil(all.size() * 0.99) - 1), all.size() / seconds);
  }

  static String post(URI uri, byte[] body) throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(answer.statusCode() + " " + answer.body());
    }
    return answer.body();
  }

  static void check(String answer, String expected) {
    if (!answer.equals(expected)) {
      throw new IllegalStateException("a different answer: " + answer);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }
}
