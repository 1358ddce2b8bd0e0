package dev.freshjar.launcher.loading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.CachedJar;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index of rule names by jar SHA-256 is an optimisation whose file is trusted for nothing: a
 * missing, stale, corrupt or half-written file reads as fewer entries (each missing entry costs a
 * module's load), never as other names.
 */
class RuleNameIndexTest {
  @TempDir Path root;
  LoadedModule alpha;
  Path file;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(root.resolve("tmp"));
    file = root.resolve(RuleNameIndex.FILE);
    Path jar =
        ModuleJar.answering("alpha-rules", "alpha", "a")
            .rule(
                "fixture.alpha.Second",
                ModuleJar.answerRule("fixture.alpha", "beta", "b")
                    .replace("class AnswerRule", "class Second"))
            .writeTo(root.resolve("alpha.jar"));
    alpha = ModuleLoader.load(cached("alpha", sha(1), jar));
  }

  @AfterEach
  void tearDown() throws IOException {
    alpha.close();
  }

  static CachedJar cached(String module, String sha, Path jar) {
    return new CachedJar(
        module,
        sha,
        jar,
        "fixture",
        "1.0",
        jar.toUri(),
        Instant.EPOCH,
        Optional.empty(),
        Optional.empty());
  }

  static String sha(int n) {
    return String.format("%064x", n);
  }

  /** The same loaded rules under another jar hash, as another jar with the same rules would be. */
  LoadedModule alphaAs(String sha) {
    return new LoadedModule(
        "alpha",
        cached("alpha", sha, alpha.jar().jar()),
        (java.net.URLClassLoader) alpha.loader(),
        alpha.rules());
  }

  @Test
  void namesRememberedAreReadByTheNextRun() {
    assertThat(RuleNameIndex.in(root).remember(List.of(alpha))).isTrue();

    assertThat(RuleNameIndex.in(root).ruleNames(sha(1))).contains(Set.of("alpha", "beta"));
    assertThat(RuleNameIndex.in(root).ruleNames(sha(2))).isEmpty();
  }

  @Test
  void whatIsAlreadyKnownIsNotWrittenAgain() {
    RuleNameIndex.in(root).remember(List.of(alpha));

    assertThat(RuleNameIndex.in(root).remember(List.of(alpha))).isFalse();
  }

  @Test
  void aMissingFileIsAnEmptyIndex() {
    assertThat(RuleNameIndex.in(root).ruleNames(sha(1))).isEmpty();
  }

  @Test
  void anIndexOfAnotherLauncherOrJavaIsNotUsed() throws IOException {
    RuleNameIndex.in(root).remember(List.of(alpha));
    String text = Files.readString(file);
    Files.writeString(
        file, text.replace(RuleNameIndex.FINGERPRINT, "launcher=0.0.1;module-api=1.0;java=11"));

    assertThat(RuleNameIndex.in(root).ruleNames(sha(1))).isEmpty();
  }

  @Test
  void aLineEditedToOtherNamesIsNotRead() throws IOException {
    RuleNameIndex.in(root).remember(List.of(alphaAs(sha(1)), alphaAs(sha(2))));
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("alpha,beta\n", "alpha\n"));

    RuleNameIndex index = RuleNameIndex.in(root);
    assertThat(index.ruleNames(sha(1)).isPresent() ^ index.ruleNames(sha(2)).isPresent())
        .as("exactly the edited entry is dropped")
        .isTrue();
    assertThat(List.of(index.ruleNames(sha(1)), index.ruleNames(sha(2))))
        .allSatisfy(names -> assertThat(names.orElse(Set.of("alpha", "beta"))).hasSize(2));
  }

  @Test
  void aTruncatedFileLosesOnlyItsTornLine() throws IOException {
    RuleNameIndex.in(root).remember(List.of(alphaAs(sha(1)), alphaAs(sha(2))));
    byte[] whole = Files.readAllBytes(file);
    // Cut inside the last line's names: "alpha,be".
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 4));

    Map<String, Set<String>> read = RuleNameIndex.read(file);
    assertThat(read).hasSize(1);
    assertThat(read.values()).containsOnly(Set.of("alpha", "beta"));
  }

  @Test
  void bytesThatAreNoIndexReadAsNone() throws IOException {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    Files.write(file, noise);

    assertThat(RuleNameIndex.in(root).ruleNames(sha(1))).isEmpty();
    assertThat(RuleNameIndex.in(root).remember(List.of(alpha))).as("and is replaced").isTrue();
    assertThat(RuleNameIndex.in(root).ruleNames(sha(1))).contains(Set.of("alpha", "beta"));
  }

  @Test
  void aFileLargerThanItsLimitIsNotRead() throws IOException {
    RuleNameIndex.in(root).remember(List.of(alpha));
    Files.write(
        file,
        ("\n" + " ".repeat(RuleNameIndex.MAX_BYTES)).getBytes(StandardCharsets.US_ASCII),
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(RuleNameIndex.in(root).ruleNames(sha(1))).isEmpty();
  }

  @Test
  void aCacheThatCannotBeWrittenLeavesTheRunAlone() throws IOException {
    Files.delete(root.resolve("tmp"));
    Files.writeString(root.resolve("tmp"), "not a directory");

    assertThat(RuleNameIndex.in(root).remember(List.of(alpha))).isFalse();
    assertThat(file).doesNotExist();
  }

  @Test
  void twoWritersAtOnceLeaveOneWholeFileWithCorrectEntries() throws Exception {
    int each = 40;
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int base = w * 1000;
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                for (int i = 1; i <= each; i++) {
                  // A new reader each time, as each run of a process is.
                  RuleNameIndex.in(root).remember(List.of(alphaAs(sha(base + i))));
                }
              },
              command -> new Thread(command).start()));
    }
    start.countDown();
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

    List<String> lines = Files.readAllLines(file);
    Map<String, Set<String>> read = RuleNameIndex.read(file);
    assertThat(read).as("every line of the file is whole").hasSize(lines.size() - 1);
    assertThat(read.values()).containsOnly(Set.of("alpha", "beta"));
    assertThat(read.keySet())
        .as("the last entries of both writers survive, each merged with what the file held")
        .containsAnyOf(sha(each), sha(1000 + each));
    assertThat(Files.list(root.resolve("tmp"))).as("no temporary file is left").isEmpty();
  }
}
