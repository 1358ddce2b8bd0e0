package dev.freshjar.launcher.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** This process's open file descriptors, read from /proc (Linux), to prove a jar was closed. */
final class OpenFiles {
  private OpenFiles() {}

  static List<Path> pointingAt(Path file) throws IOException {
    Path target = file.toRealPath();
    List<Path> open = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          if (Files.readSymbolicLink(fd).equals(target)) {
            open.add(fd);
          }
        } catch (IOException e) {
          // The descriptor was closed while we listed: not open, which is what we look for.
        }
      }
    }
    return open;
  }
}
