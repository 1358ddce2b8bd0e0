package dev.freshjar.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.cache.trust.AuthorKey;
import dev.freshjar.cache.trust.SignatureFile;
import dev.freshjar.cache.trust.SignedStatement;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import dev.freshjar.launcher.fixtures.ModuleJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An author's tools through the real bin/freshjar: making a key, signing a jar. */
class SigningIT {
  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(dir.resolve("cache")).workDir(dir);
  }

  /** The public key a {@code keys generate} run printed. */
  static AuthorKey printedKey(Result run) {
    String line =
        run.stdout().lines().filter(l -> l.startsWith("key = ")).findFirst().orElseThrow();
    return AuthorKey.parse(line.substring("key = ".length()));
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Nested
  class KeysGenerate {
    @Test
    void writesThePrivateKeyReadableByItsOwnerOnlyAndPrintsTheConfigurationLine() throws Exception {
      Path key = dir.resolve("author.key");

      Result run = freshjar.run("keys", "generate", "--out", key.toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
      assertThat(run.stdout())
          .matches("# freshjar author key [0-9a-f]{16}\nkey = ed25519:[A-Za-z0-9+/]{59}=\n");
      assertThat(run.stdout()).startsWith("# freshjar author key " + printedKey(run).fingerprint());
      assertThat(run.stderr()).contains("wrote the private key to " + key);
      assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void loadsNoModule() {
      Result run =
          freshjar
              .option("--module", "acme=http://127.0.0.1:1/acme.jar")
              .run("keys", "generate", "--out", dir.resolve("k.key").toString());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.stderr()).doesNotContain("warning").doesNotContain("127.0.0.1:1");
    }

    @Test
    void aKeyThatCannotBeWrittenSaysWhyInWords() {
      // Nothing can be created in /proc, even by root; the reason must not be the path again.
      Result run = freshjar.run("keys", "generate", "--out", "/proc/freshjar-author.key");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.stderr())
          .startsWith("freshjar: cannot write the key to /proc/freshjar-author.key: ")
          .doesNotContain("author.key: /proc/freshjar-author.key")
          .doesNotContain("Exception");
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
      Path key = Files.writeString(dir.resolve("author.key"), "an older key");

      Result run = freshjar.run("keys", "generate", "--out", key.toString());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr()).contains(key + " already exists, and a key is never overwritten");
      assertThat(Files.readString(key)).isEqualTo("an older key");
    }

    @Test
    void keepsTheKeyInAPrivateDirectoryUnderXdgConfigHomeByDefault() throws Exception {
      Path config = dir.resolve("config");

      Result run = freshjar.env("XDG_CONFIG_HOME", config.toString()).run("keys", "generate");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      Path key = config.resolve("freshjar/signing.key");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())))
          .isEqualTo("rwx------");
    }
  }

  @Nested
  class Sign {
    Path key;
    AuthorKey publicKey;
    Path jar;

    @BeforeEach
    void anAuthorWithAKeyAndABuiltJar() {
      key = dir.resolve("author.key");
      publicKey = printedKey(freshjar.run("keys", "generate", "--out", key.toString()));
      jar =
          ModuleJar.answering("acme-rules", "answer", "42")
              .version("2.1.0")
              .writeTo(dir.resolve("acme-rules.jar"));
    }

    @Test
    void writesJarDotSigThatVerifiesWithTheAuthorsKey() throws Exception {
      Instant before = Instant.now().minusSeconds(1);

      Result run = freshjar.run("sign", jar.toString(), "--key", key.toString(), "--name", "acme");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      Path sig = dir.resolve("acme-rules.jar.sig");
      assertThat(run.stdout())
          .isEqualTo(
              "wrote "
                  + sig
                  + ": module acme, version 2.1.0, sha256 "
                  + sha256(jar)
                  + ", key "
                  + publicKey.fingerprint()
                  + "\n");
      SignatureFile file = SignatureFile.parse(Files.readAllBytes(sig));
      file.verify(publicKey);
      SignedStatement statement = file.statement();
      assertThat(statement.module()).isEqualTo("acme");
      assertThat(statement.sha256()).isEqualTo(sha256(jar));
      assertThat(statement.version()).isEqualTo("2.1.0");
      assertThat(statement.signedAt()).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
    }

    @Test
    void refusesAVersionThatContradictsTheManifest() {
      Result run =
          freshjar.run(
              "sign",
              jar.toString(),
              "--key",
              key.toString(),
              "--name",
              "acme",
              "--version",
              "3.0");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .contains("--version 3.0 contradicts the jar's manifest, which says version 2.1.0");
      assertThat(dir.resolve("acme-rules.jar.sig")).doesNotExist();
    }

    @Test
    void refusesAJarFreshjarWouldRefuse() {
      Path empty = ModuleJar.named("empty").version("1.0").writeTo(dir.resolve("empty.jar"));

      Result run =
          freshjar.run("sign", empty.toString(), "--key", key.toString(), "--name", "empty");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.stderr()).contains("freshjar would refuse " + empty);
      assertThat(dir.resolve("empty.jar.sig")).doesNotExist();
    }

    @Test
    void refusesAnInvalidModuleName() {
      Result run = freshjar.run("sign", jar.toString(), "--key", key.toString(), "--name", "Acme");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr()).contains("--name: module name 'Acme' must be lower-case letters");
    }

    @Test
    void withoutAKeySaysHowToMakeOne() {
      Path missing = dir.resolve("nowhere.key");

      Result run =
          freshjar.run("sign", jar.toString(), "--key", missing.toString(), "--name", "acme");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr())
          .contains("no signing key at " + missing + "; make one with 'freshjar keys generate'");
    }
  }
}
