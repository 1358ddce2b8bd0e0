package dev.freshjar.launcher.cli;

import dev.freshjar.cache.trust.SignedStatement;
import dev.freshjar.cache.trust.SigningKey;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.loading.ModuleJarCheck;
import dev.freshjar.launcher.signing.JarSigning;
import dev.freshjar.launcher.signing.SigningKeyLocation;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "sign",
    description = {
      "Signs a module jar for publishing: writes JAR.sig beside it, to upload beside the jar.",
      "What is signed is the module's name, the jar's SHA-256, its version and the time now."
    })
final class SignCommand implements Callable<Integer> {
  @ParentCommand FreshjarCommand parent;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(paramLabel = "JAR", description = "The module jar to sign.")
  Path jar;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "MODULE",
      description = "The module name users configure it under, e.g. acme.")
  String name;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description =
          "Your signing key, from 'freshjar keys generate'. Default:"
              + " $XDG_CONFIG_HOME/freshjar/signing.key, ~/.config/freshjar/signing.key.")
  Path key;

  @Option(
      names = "--version",
      paramLabel = "VERSION",
      description = "The version to sign it as. Default: the jar's Implementation-Version.")
  String version;

  @Override
  public Integer call() {
    Path keyFile =
        key != null
            ? key
            : SigningKeyLocation.resolve(parent.env(), System.getProperty("user.home"));
    SigningKey signingKey;
    try {
      signingKey = SigningKey.read(keyFile);
    } catch (NoSuchFileException e) {
      throw CommandFailure.usage(
          "no signing key at " + keyFile + "; make one with 'freshjar keys generate'");
    } catch (IOException e) {
      throw new CommandFailure(
          ExitStatus.RULE_FAILED, "cannot read " + keyFile + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage(e.getMessage());
    }
    SignedStatement statement =
        JarSigning.sign(
            jar,
            name,
            Optional.ofNullable(version),
            signingKey,
            new ModuleJarCheck(name),
            Instant.now().truncatedTo(ChronoUnit.SECONDS));
    parent
        .streams()
        .out()
        .println(
            "wrote "
                + JarSigning.signaturePath(jar)
                + ": module "
                + statement.module()
                + ", version "
                + statement.version()
                + ", sha256 "
                + statement.sha256()
                + ", key "
                + statement.keyFingerprint());
    parent.streams().out().flush();
    return ExitStatus.OK.code();
  }
}
