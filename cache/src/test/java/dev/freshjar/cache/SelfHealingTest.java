package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache heals what would otherwise leave a module stuck for good, and never hands out a jar to
 * run whose bytes it did not verify.
 */
@DisplayName("ModuleCache heals itself")
class SelfHealingTest {
  static final byte[] V1 = TestJars.module("mod", "1.0", "com.example.Wc");
  static final byte[] V2 = TestJars.module("mod", "2.0", "com.example.Wc", "com.example.Top");
  static final byte[] OTHER = TestJars.module("other", "9.9", "com.example.Evil");

  @RegisterExtension static final LoopbackServer server = new LoopbackServer();

  @TempDir Path dir;
  ModuleCache cache;

  @BeforeEach
  void openCache() {
    cache = ModuleCache.open(dir.resolve("cache"), settings());
  }

  static Settings settings() {
    return Settings.DEFAULTS.withLockWait(Duration.ofSeconds(5));
  }

  static ModuleSource source(String name, String path) {
    return new ModuleSource(
        name, URI.create("http://127.0.0.1:" + server.port() + path), false, Duration.ofSeconds(5));
  }

  static ModuleSource mod() {
    return source("mod", "/mod.jar");
  }

  static void serve(String path, byte[] jar, String etag) {
    server.stubFor(
        get(path).willReturn(aResponse().withStatus(200).withHeader("ETag", etag).withBody(jar)));
  }

  Refresh refresh(ModuleSource source) {
    return cache.refresh(source, TestJars.DECLARES_RULES, false);
  }

  Path object(byte[] jar) {
    return cache.root().resolve("objects/" + TestJars.sha256(jar) + ".jar");
  }

  @Nested
  class ValidatorsTheNextRequestCannotCarry {
    /**
     * A loopback server that answers its first request with {@code jar} and {@code header}, written
     * byte for byte as given (WireMock would clean it up), and every later one with {@link #V2}.
     */
    static final class RawServer implements AutoCloseable {
      final ServerSocket socket;
      final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

      RawServer(byte[] jar, String header) throws IOException {
        socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread thread =
            new Thread(
                () -> {
                  for (int n = 0; !socket.isClosed(); n++) {
                    try (Socket client = socket.accept()) {
                      byte[] buf = new byte[8192];
                      int got = client.getInputStream().read(buf);
                      requests.add(new String(buf, 0, Math.max(0, got), StandardCharsets.UTF_8));
                      byte[] body = n == 0 ? jar : V2;
                      String extra = n == 0 ? header : "ETag: \"v2\"";
                      ByteArrayOutputStream head = new ByteArrayOutputStream();
                      head.write(
                          ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n")
                              .getBytes(StandardCharsets.ISO_8859_1));
                      head.write(extra.getBytes(StandardCharsets.UTF_8));
                      head.write(
                          "\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                      OutputStream out = client.getOutputStream();
                      out.write(head.toByteArray());
                      out.write(body);
                      out.flush();
                    } catch (IOException e) {
                      return; // closed
                    }
                  }
                });
        thread.setDaemon(true);
        thread.start();
      }

      ModuleSource source() {
        return new ModuleSource(
            "mod",
            URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/mod.jar"),
            false,
            Duration.ofSeconds(5));
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "ETag: \"a\u0001b\"",
          "ETag: \"caf\u00e9\"",
          "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\u0007"
        })
    void areNotKeptSoThatTheNextCheckReachesTheServer(String header) throws IOException {
      try (RawServer raw = new RawServer(V1, header)) {
        assertInstanceOf(Refresh.Fresh.class, refresh(raw.source()));

        Refresh r = refresh(raw.source());

        Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
        assertEquals(TestJars.sha256(V2), fresh.current().sha256());
        assertEquals(2, raw.requests.size(), raw.requests.toString());
      }
    }

    @Test
    void alreadyInARecordAreNotSentBack() throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      refresh(mod());
      Path record = cache.root().resolve("modules/mod.record");
      Files.writeString(
          record, Files.readString(record).replace("etag=\"v1\"", "etag=\"v\u00011\""));
      serve("/mod.jar", V2, "\"v2\"");

      Refresh r = refresh(mod());

      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      assertEquals(TestJars.sha256(V2), fresh.current().sha256());
    }
  }

  @Nested
  class DamagedObjects {
    @Test
    void aTruncatedCurrentObjectIsReportedByACheckAndRepairedByUpdate() throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      refresh(mod());
      Path jar = object(V1);
      Files.write(jar, Arrays.copyOf(V1, V1.length / 2));

      Refresh checked = refresh(mod());
      // Checked now: the update below repairs the file.
      Optional<String> damage = checked.jar().flatMap(CachedJar::damage);
      Refresh r = cache.update(mod(), TestJars.DECLARES_RULES, false);

      assertTrue(damage.orElse("").contains("is damaged"), checked.toString());
      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      assertEquals(TestJars.sha256(V1), fresh.current().sha256());
      assertTrue(fresh.repaired(), r.toString());
      assertEquals(TestJars.sha256(V1), HashingCopy.sha256Of(jar));
      assertTrue(cache.verify().clean(), cache.verify().toString());
    }

    @Test
    void aTruncatedCurrentObjectIsNotHandedOutButTheNewestOlderVersionThatVerifies()
        throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      refresh(mod());
      serve("/mod.jar", V2, "\"v2\"");
      refresh(mod());
      Files.write(object(V2), Arrays.copyOf(V2, 100));

      Refresh r = cache.offline(mod());

      Refresh.Fallback fallback = assertInstanceOf(Refresh.Fallback.class, r, r.toString());
      assertEquals(TestJars.sha256(V1), fallback.current().sha256());
      assertTrue(fallback.reason().contains("damaged"), fallback.reason());
      assertTrue(fallback.reason().contains("freshjar update"), fallback.reason());
    }

    @Test
    void aSwappedObjectIsRefusedAsItIsOpenedForLoading() throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      refresh(mod());
      Files.write(object(V1), OTHER);

      Refresh r = cache.offline(mod());

      // No older version: the jar is offered as it is, and refused by the check the loader makes.
      String damage = r.jar().orElseThrow().damage().orElseThrow();
      assertTrue(damage.contains(object(V1).toString()), damage);
      assertTrue(damage.contains("is damaged"), damage);
      assertFalse(cache.verify().clean());
    }

    @Test
    void aSwappedObjectOfAModulePinnedBySha256DoesNotRunEvenOnAForcedRefreshThatFails()
        throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      ModuleSource pinned =
          new ModuleSource(
              "mod",
              mod().url(),
              false,
              Duration.ofSeconds(5),
              java.util.Optional.of(TestJars.sha256(V1)),
              java.util.Optional.empty());
      cache.refresh(pinned, TestJars.DECLARES_RULES, false);
      Files.write(object(V1), OTHER);
      server.resetAll(); // the source is gone: 404

      Refresh r = cache.refresh(pinned, TestJars.DECLARES_RULES, true);

      assertTrue(r.jar().isEmpty() || r.jar().get().damage().isPresent(), r.toString());
    }

    @Test
    void aRecordEditedToNameAnotherModulesObjectDoesNotRunThatCode() throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      serve("/other.jar", OTHER, "\"o\"");
      refresh(mod());
      refresh(source("other", "/other.jar"));
      Path record = cache.root().resolve("modules/mod.record");
      Files.writeString(
          record, Files.readString(record).replace(TestJars.sha256(V1), TestJars.sha256(OTHER)));

      Refresh r = cache.offline(mod());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.contains("'other' version 9.9"), reason);
      VerifyReport report = cache.verify();
      assertFalse(report.clean(), report.toString());
      assertTrue(
          report.problems().stream().anyMatch(p -> p.startsWith("module mod:")), report.toString());
    }

    @Test
    void verifyNamesTheCommandThatRepairsADamagedObject() throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      refresh(mod());
      Files.write(object(V1), Arrays.copyOf(V1, 10));

      VerifyReport report = cache.verify();

      assertFalse(report.clean());
      assertTrue(
          report.problems().stream().anyMatch(p -> p.contains("'freshjar update' repairs")),
          report.toString());
    }
  }

  @Nested
  class RecordsThatAreNotText {
    @Test
    void sayWhatToDoAndAreRewrittenByUpdate() throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      refresh(mod());
      byte[] garbage = new byte[300];
      new Random(7).nextBytes(garbage);
      garbage[0] = (byte) 0xff;
      Path record = cache.root().resolve("modules/mod.record");
      Files.write(record, garbage);

      Refresh broken = refresh(mod());
      Refresh repaired = cache.update(mod(), TestJars.DECLARES_RULES, false);

      String reason =
          assertInstanceOf(Refresh.Unavailable.class, broken, broken.toString()).reason();
      assertTrue(reason.contains("not UTF-8"), reason);
      assertTrue(reason.contains("'freshjar update'"), reason);
      assertFalse(reason.contains("Input length"), reason);
      Refresh.Fresh fresh = assertInstanceOf(Refresh.Fresh.class, repaired, repaired.toString());
      assertEquals(TestJars.sha256(V1), fresh.current().sha256());
      assertInstanceOf(Refresh.Fresh.class, refresh(mod()));
      assertTrue(cache.verify().clean(), cache.verify().toString());
    }
  }

  @Nested
  class CacheDirectoriesOthersCanWrite {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".", "objects", "modules"})
    void areRefusedNamingTheDirectoryAndTheChmod(String sub) throws IOException {
      serve("/mod.jar", V1, "\"v1\"");
      refresh(mod());
      Path target = sub.equals(".") ? cache.root() : cache.root().resolve(sub);
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
      perms.add(PosixFilePermission.OTHERS_WRITE);
      Files.setPosixFilePermissions(target, perms);

      Refresh r = ModuleCache.open(cache.root(), settings()).offline(mod());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.contains(target.toString()), reason);
      assertTrue(reason.contains("chmod go-w " + target), reason);
    }

    @Test
    void aCacheCreatedHereIsNeverRefused() throws IOException {
      Path fresh = dir.resolve("new/cache");
      serve("/mod.jar", V1, "\"v1\"");

      ModuleCache created = ModuleCache.open(fresh, settings());
      Refresh r = created.refresh(mod(), TestJars.DECLARES_RULES, false);

      assertInstanceOf(Refresh.Fresh.class, r, r.toString());
      for (String sub : new String[] {"", "objects", "modules"}) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(fresh.resolve(sub));
        assertFalse(perms.contains(PosixFilePermission.OTHERS_WRITE), sub + " " + perms);
      }
      assertInstanceOf(Refresh.Fallback.class, created.offline(mod()));
      assertEquals(
          "rwx------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)),
          "a cache holds code to run: only its owner may write it");
    }
  }

  @Nested
  class ZipBombs {
    static byte[] jarWith(String entry, long zeros, int extraEntries, int manifestBytes) {
      Manifest manifest = new Manifest();
      Attributes main = manifest.getMainAttributes();
      main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
      main.put(Attributes.Name.IMPLEMENTATION_TITLE, "mod");
      main.put(Attributes.Name.IMPLEMENTATION_VERSION, "1.0");
      if (manifestBytes > 0) {
        main.putValue("Padding", "x".repeat(manifestBytes));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
        out.setLevel(Deflater.BEST_SPEED);
        out.putNextEntry(new JarEntry(TestJars.RULES));
        out.write("com.example.Wc\n".getBytes(StandardCharsets.UTF_8));
        out.putNextEntry(new JarEntry(entry));
        byte[] block = new byte[1 << 20];
        for (long left = zeros; left > 0; left -= block.length) {
          out.write(block, 0, (int) Math.min(block.length, left));
        }
        for (int i = 0; i < extraEntries; i++) {
          out.putNextEntry(new JarEntry("e/" + i));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    @Test
    void anEntryThatInflatesPastTheBoundIsRejectedSayingSo() {
      cache = ModuleCache.open(dir.resolve("small"), settings().withMaxInflatedBytes(8L << 20));
      serve("/mod.jar", jarWith("zeros.bin", 9L << 20, 0, 0), "\"bomb\"");

      Refresh r = refresh(mod());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.contains("inflates to more than 8 MiB"), reason);
    }

    @Test
    void tooManyEntriesAreRejectedSayingSo() {
      cache = ModuleCache.open(dir.resolve("few"), settings().withMaxEntries(1000));
      serve("/mod.jar", jarWith("a", 0, 1000, 0), "\"many\"");

      Refresh r = refresh(mod());

      String reason = assertInstanceOf(Refresh.Unavailable.class, r, r.toString()).reason();
      assertTrue(reason.contains("more than 1000 entries"), reason);
    }

    @Test
    void aLegitimateJarOfAHundredThousandEntriesAndATenMegabyteManifestPasses() {
      serve("/mod.jar", jarWith("a", 1, 100_000, 10 << 20), "\"big\"");

      Refresh r = refresh(mod());

      assertInstanceOf(Refresh.Fresh.class, r, r.toString());
    }
  }
}
