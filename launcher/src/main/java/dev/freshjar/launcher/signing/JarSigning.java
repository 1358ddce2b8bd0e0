package dev.freshjar.launcher.signing;

import dev.freshjar.cache.JarCheck;
import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.RejectedJarException;
import dev.freshjar.cache.trust.SignatureFile;
import dev.freshjar.cache.trust.SignedStatement;
import dev.freshjar.cache.trust.SigningKey;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What {@code freshjar sign} does: states which module, version and bytes a jar is, signs that
 * statement with the author's key, and writes the signature beside the jar as {@code JAR.sig}.
 */
public final class JarSigning {
  private JarSigning() {}

  /**
   * Signs {@code jar} as version {@code version} (default: its manifest's Implementation-Version)
   * of {@code module}, after {@code check} accepted it.
   *
   * @return the statement signed; the signature is at {@link #signaturePath(Path)}
   * @throws CommandFailure saying what is wrong with the jar, the key or the arguments
   */
  public static SignedStatement sign(
      Path jar,
      String module,
      Optional<String> version,
      SigningKey key,
      JarCheck check,
      Instant now) {
    try {
      ModuleSource.requireValidName(module);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage("--name: " + e.getMessage());
    }
    String sha256 = sha256(jar);
    String signedVersion = version(jar, version);
    try {
      check.check(jar);
    } catch (RejectedJarException e) {
      throw failed("freshjar would refuse " + jar + ": " + e.getMessage() + "; fix it, then sign");
    }
    SignedStatement statement;
    try {
      statement =
          new SignedStatement(module, sha256, signedVersion, now, key.publicKey().fingerprint());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage("cannot sign " + jar + ": " + e.getMessage());
    }
    Path target = signaturePath(jar);
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.write(tmp, SignatureFile.sign(statement, key).bytes());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw failed("cannot write " + target + ": " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // Only a leftover temporary file; the signature itself was written or reported.
      }
    }
    return statement;
  }

  /** Where the signature of {@code jar} goes: beside it, named {@code JAR.sig}. */
  public static Path signaturePath(Path jar) {
    return jar.resolveSibling(jar.getFileName() + ".sig");
  }

  private static String sha256(Path jar) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must have SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (NoSuchFileException e) {
      throw failed("no such file: " + jar);
    } catch (IOException e) {
      throw failed("cannot read " + jar + ": " + e.getMessage());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String version(Path jar, Optional<String> given) {
    String manifestVersion;
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String v =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      manifestVersion = v == null ? "" : v.strip();
    } catch (IOException e) {
      throw failed(jar + " is not a jar: " + e.getMessage());
    }
    if (given.isEmpty()) {
      if (manifestVersion.isEmpty()) {
        throw CommandFailure.usage(
            jar + " has no Implementation-Version in its manifest: give --version VERSION");
      }
      return manifestVersion;
    }
    if (!manifestVersion.isEmpty() && !manifestVersion.equals(given.get())) {
      throw CommandFailure.usage(
          "--version "
              + given.get()
              + " contradicts the jar's manifest, which says version "
              + manifestVersion
              + "; sign it as "
              + manifestVersion
              + " (leave out --version), or rebuild the jar");
    }
    return given.get();
  }

  private static CommandFailure failed(String message) {
    return new CommandFailure(ExitStatus.RULE_FAILED, message);
  }
}
