package dev.freshjar.dist;

import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The release archive unpacked into a read-only directory, run as a user would: its own home
 * directory, Java from {@code JAVA_HOME}, and a {@code PATH} that holds only the few programs
 * {@code bin/freshjar} may use, so no Maven and no {@code java}.
 */
final class UnpackedRelease {
  // What bin/freshjar's release mode may run besides Java; anything else fails as "not found".
  private static final List<String> TOOLS =
      List.of("bash", "readlink", "mkdir", "mv", "rm", "stat");

  private final Path root;
  private final Path path;
  private final Path home;

  private UnpackedRelease(Path root, Path path, Path home) {
    this.root = root;
    this.path = path;
    this.home = home;
  }

  /** Unpacks {@code archive} (a .tar.gz) under {@code work} and takes away every write bit. */
  static UnpackedRelease unpack(Path archive, Path work) throws IOException, InterruptedException {
    Path opt = Files.createDirectories(work.resolve("opt"));
    run(List.of("tar", "-xzf", archive.toString(), "-C", opt.toString()));
    Path root;
    try (Stream<Path> entries = Files.list(opt)) {
      root = entries.findFirst().orElseThrow(() -> new AssertionError(archive + " is empty"));
    }
    run(List.of("chmod", "-R", "a-w", opt.toString()));
    Path path = Files.createDirectories(work.resolve("path"));
    for (String tool : TOOLS) {
      Files.createSymbolicLink(path.resolve(tool), which(tool));
    }
    return new UnpackedRelease(root, path, Files.createDirectories(work.resolve("home")));
  }

  Path root() {
    return root;
  }

  Path home() {
    return home;
  }

  /** The PATH the release runs with. */
  Path path() {
    return path;
  }

  /**
   * Every file and directory under the release with its size, modification time and permissions.
   * Root ignores write bits, so a test compares this before and after instead of trusting them.
   */
  Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path file : (Iterable<Path>) all::iterator) {
        files.put(
            root.relativize(file).toString(),
            Files.size(file)
                + " "
                + Files.getLastModifiedTime(file)
                + " "
                + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      }
    }
    return files;
  }

  /** Runs {@code bin/freshjar ARGS} from {@code workDir} with {@code stdin} as its input. */
  Result run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
    return runAs(home, workDir, stdin, args);
  }

  /** As {@link #run}, for a user whose home directory is {@code userHome}. */
  Result runAs(Path userHome, Path workDir, String stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/freshjar").toString());
    command.addAll(List.of(args));
    return start(command, userHome, workDir, stdin, String.join(" ", args));
  }

  /** Runs {@code script} in bash, in the same bare environment as {@link #run}. */
  Result bash(Path workDir, String script) throws IOException, InterruptedException {
    return start(List.of("bash", "-c", script), home, workDir, "", "bash -c " + script);
  }

  private Result start(List<String> command, Path userHome, Path workDir, String stdin, String what)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", path.toString());
    env.put("HOME", userHome.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("LANG", "C.UTF-8");
    return Freshjar.finish(
        builder.start(), stdin.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(120), what);
  }

  private static Path which(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(tool + " is not on the PATH of the test");
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
