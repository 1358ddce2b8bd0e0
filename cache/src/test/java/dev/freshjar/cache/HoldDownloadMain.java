package dev.freshjar.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link AbandonedDownloadsTest}: starts a download in the cache's {@code
 * tmp/} the way a refresh does, writes some bytes, prints the part file's path, and then holds it
 * until its standard input closes or it is killed.
 */
public final class HoldDownloadMain {
  private HoldDownloadMain() {}

  public static void main(String[] args) throws Exception {
    try (TmpFile download = TmpFile.create(Path.of(args[0]))) {
      Files.writeString(download.path(), "half a jar", StandardCharsets.UTF_8);
      System.out.println(download.path());
      System.out.flush();
      System.in.read();
    }
  }
}
