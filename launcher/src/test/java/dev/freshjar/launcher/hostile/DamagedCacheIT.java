package dev.freshjar.launcher.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.JarServer;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cache damaged in ways no freshjar writes (a disk error, a careless hand, another program), run
 * through the real {@code bin/freshjar}: each ends in a message that names what is wrong and what
 * to do, and {@code update} heals what it can; never "out of memory", never "unexpected error".
 */
class DamagedCacheIT {
  static final byte[] A1 = ModuleJar.answering("alpha", "a", "a1").version("1.0").bytes();
  static final byte[] A2 = ModuleJar.answering("alpha", "a", "a2").version("2.0").bytes();

  @RegisterExtension static JarServer server = new JarServer();

  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void oneModule() {
    freshjar = Freshjar.withCache(dir.resolve("cache")).option("--module", server.module("alpha"));
    server.serve("alpha", A1);
  }

  Path record() {
    return dir.resolve("cache/modules/alpha.record");
  }

  Path object(byte[] jar) {
    return dir.resolve("cache/objects/" + JarServer.sha256(jar) + ".jar");
  }

  Path input() throws Exception {
    return Files.writeString(dir.resolve("in.txt"), "x\n");
  }

  @Test
  void aHugeRecordIsCalledCorruptAndReplacedByUpdate() throws Exception {
    assertThat(freshjar.run("update").exitCode()).isZero();
    // Sparse: gigabytes of NUL bytes that cost no disk, as a file system's repair may leave.
    try (RandomAccessFile file = new RandomAccessFile(record().toFile(), "rw")) {
      file.setLength(3L << 30);
    }

    Result run = freshjar.run("--offline", "a", input().toString());
    Result verify = freshjar.run("cache", "verify");
    Result update = freshjar.run("update");
    Result after = freshjar.run("--offline", "--format", "tsv", "a", input().toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr())
        .contains("corrupt record " + record())
        .contains("'freshjar update' replaces it")
        .doesNotContain("memory");
    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(5);
    assertThat(verify.stdout() + verify.stderr())
        .contains("corrupt record")
        .doesNotContain("unexpected");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(after.stdout()).as(after.toString()).isEqualTo("answer\na1\n");
    assertThat(Files.size(record())).isLessThan(4096);
    assertThat(Files.size(dir.resolve("cache/modules/alpha.record.corrupt"))).isEqualTo(3L << 30);
  }

  @Test
  void aRecordThatNeverEndsIsCalledCorruptNotReadForever() throws Exception {
    assertThat(freshjar.run("update").exitCode()).isZero();
    Files.delete(record());
    Files.createSymbolicLink(record(), Path.of("/dev/zero"));

    Result run = freshjar.run("--offline", "a", input().toString());
    Result update = freshjar.run("update");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.stderr()).contains("corrupt record").doesNotContain("memory");
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(Files.isSymbolicLink(record())).isFalse();
  }

  @Test
  void aCacheDirectoryThatIsAFileIsNamedWithTheFix() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "my notes\n");
    Freshjar onAFile = Freshjar.withCache(file).option("--module", server.module("alpha"));

    Result run = onAFile.run("a", input().toString());
    Result update = onAFile.run("update");

    for (Result result : new Result[] {run, update}) {
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
      assertThat(result.stderr())
          .contains("the cache directory " + file + " is not a directory")
          .contains("--cache-dir")
          .doesNotContain("unexpected")
          .doesNotContain("Exception");
    }
    assertThat(Files.readString(file)).isEqualTo("my notes\n");
  }

  /**
   * An older version's jar that is damaged or gone can never run again (a rollback and a fallback
   * refuse it) and no source serves it any more: {@code cache verify} says so until {@code cache
   * gc} drops it, and does not send the user to an {@code update} that cannot bring it back.
   */
  @ParameterizedTest(name = "its jar {0}")
  @ValueSource(strings = {"damaged", "deleted"})
  void anOlderVersionWhoseJarIsLostIsDroppedByGc(String what) throws Exception {
    assertThat(freshjar.run("update").exitCode()).isZero();
    server.serve("alpha", A2);
    assertThat(freshjar.run("update").exitCode()).isZero();
    if (what.equals("damaged")) {
      Files.write(object(A1), new byte[] {'P', 'K'}, StandardOpenOption.APPEND);
    } else {
      Files.delete(object(A1));
    }

    Result verify = freshjar.run("cache", "verify");
    Result update = freshjar.run("update");
    Result gc = freshjar.run("cache", "gc");
    Result verifyAfter = freshjar.run("cache", "verify");
    Result history = freshjar.run("--format", "tsv", "modules", "history", "alpha");

    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(5);
    assertThat(verify.stdout()).contains("'freshjar cache gc'");
    assertThat(update.stdout()).as(update.toString()).startsWith("alpha: unchanged, 2.0/");
    assertThat(gc.exitCode()).as(gc.toString()).isZero();
    assertThat(gc.stdout())
        .contains("alpha: dropped 1.0/")
        .contains(what.equals("damaged") ? "damaged" : "missing");
    assertThat(verifyAfter.exitCode()).as(verifyAfter.toString()).isZero();
    assertThat(history.stdout()).contains("2.0").doesNotContain("1.0");
    assertThat(object(A1)).doesNotExist();
  }

  /**
   * A user short of space moves {@code objects/} to another disk and leaves a symbolic link: a
   * download in {@code tmp/} cannot be renamed across file systems, and every update failed, naming
   * a temporary file already deleted.
   */
  @Test
  void objectsOnAnotherFileSystemStillReceiveNewVersions() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeTrue(
        Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(dir)),
        "needs /dev/shm on a file system other than the temporary directory's");
    Path elsewhere = Files.createTempDirectory(shm, "freshjar-objects-");
    try {
      Path cache = Files.createDirectories(dir.resolve("cache"));
      Files.createSymbolicLink(cache.resolve("objects"), elsewhere);

      Result first = freshjar.run("update");
      server.serve("alpha", A2);
      Result second = freshjar.run("update");
      Result run = freshjar.run("--offline", "--format", "tsv", "a", input().toString());
      Result verify = freshjar.run("cache", "verify");

      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(second.stdout()).as(second.toString()).startsWith("alpha: updated from 1.0/");
      assertThat(run.stdout()).as(run.toString()).isEqualTo("answer\na2\n");
      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertThat(elsewhere.resolve(JarServer.sha256(A2) + ".jar")).exists();
    } finally {
      try (var files = Files.list(elsewhere)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(elsewhere);
    }
  }

  /**
   * Another process that holds a module's lock and never lets go (stopped with Ctrl-Z, hung on a
   * network file system) is what a run names when its deadline passes, not a server that "did not
   * answer": the server answered at once.
   */
  @Test
  void aLockAnotherProcessNeverReleasesIsNamedAsTheReasonNotTheServer() throws Exception {
    assertThat(freshjar.run("update").exitCode()).isZero();
    server.serve("alpha", A2);

    Result run;
    try (FileChannel lock =
        FileChannel.open(dir.resolve("cache/modules/alpha.lock"), StandardOpenOption.WRITE)) {
      lock.lock();
      run = freshjar.run("--update-timeout", "2s", "--format", "tsv", "a", input().toString());
    }

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.stdout()).isEqualTo("answer\na1\n");
    assertThat(run.stderr())
        .contains("another freshjar process")
        .contains(dir.resolve("cache/modules/alpha.lock").toString())
        .doesNotContain("no answer");
  }
}
