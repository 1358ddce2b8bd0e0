package dev.freshjar.textutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Rule;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What freshjar relies on from every rule of the module. */
class RuleContractTest {

  private static List<Rule> rules() {
    return ServiceLoader.load(Rule.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  @Test
  void listsWcHistogramAndTopAsServices() {
    assertEquals(List.of("wc", "histogram", "top"), rules().stream().map(Rule::name).toList());
  }

  @Test
  void summarisesEachRuleInOneLine() {
    for (Rule rule : rules()) {
      assertFalse(rule.summary().isBlank(), rule.name());
      assertFalse(rule.summary().contains("\n"), rule.name());
    }
  }

  @Test
  void opensTheInputOnceAndClosesIt() throws IOException {
    for (Rule rule : rules()) {
      AtomicInteger opened = new AtomicInteger();
      AtomicInteger closed = new AtomicInteger();
      Input input =
          Input.of(
              "counted",
              () -> {
                opened.incrementAndGet();
                return new FilterInputStream(
                    new ByteArrayInputStream("a b".getBytes(StandardCharsets.UTF_8))) {
                  @Override
                  public void close() throws IOException {
                    closed.incrementAndGet();
                    super.close();
                  }
                };
              },
              StandardCharsets.UTF_8,
              3);
      rule.apply(input, Arguments.of(Map.of("n", "10")));
      assertEquals(1, opened.get(), rule.name());
      assertEquals(1, closed.get(), rule.name());
    }
  }

  @Test
  void oneInstanceServesConcurrentCalls() throws Exception {
    Rule top = new TopRule();
    String expected = Files.readString(TestData.GOLDEN.resolve("expected/moby-dick/top-25.tsv"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<String> call =
            () ->
                Tsv.of(
                    top.apply(Input.ofPath(TestData.MOBY_DICK), Arguments.of(Map.of("n", "25"))));
        results.add(pool.submit(call));
      }
      for (Future<String> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(pool.isShutdown());
  }
}
