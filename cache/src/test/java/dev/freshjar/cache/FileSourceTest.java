package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code file:} source that exists but is no file is named for what it is, not as missing. */
class FileSourceTest {
  @TempDir Path dir;

  Refresh.Unavailable refresh(Path source) {
    ModuleCache cache = ModuleCache.open(dir.resolve("cache"));
    Refresh refresh = cache.refresh(ModuleSource.of("m", source.toUri()), JarCheck.NONE, false);
    return assertInstanceOf(Refresh.Unavailable.class, refresh, refresh::toString);
  }

  @Test
  void aDeviceIsNotAJar() {
    Refresh.Unavailable unavailable = refresh(Path.of("/dev/zero"));

    assertTrue(unavailable.reason().contains("not a regular file"), () -> unavailable.reason());
  }

  @Test
  void aDirectoryIsNotAJar() throws Exception {
    Refresh.Unavailable unavailable = refresh(Files.createDirectories(dir.resolve("jars")));

    assertTrue(unavailable.reason().contains("not a regular file"), () -> unavailable.reason());
  }

  @Test
  void aMissingFileIsStillSaidToBeMissing() {
    Refresh.Unavailable unavailable = refresh(dir.resolve("gone.jar"));

    assertTrue(unavailable.reason().contains("no such file"), () -> unavailable.reason());
  }
}
