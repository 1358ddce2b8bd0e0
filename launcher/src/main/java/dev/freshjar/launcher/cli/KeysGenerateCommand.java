package dev.freshjar.launcher.cli;

import dev.freshjar.cache.trust.AuthorKey;
import dev.freshjar.cache.trust.SigningKey;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.IoProblems;
import dev.freshjar.launcher.signing.SigningKeyLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Makes a new Ed25519 key pair for signing your modules. The private key goes to a new file",
      "only you can read; the public key is printed as the 'key = ...' line that users of your",
      "module put in their configuration."
    })
final class KeysGenerateCommand implements Callable<Integer> {
  @ParentCommand KeysCommand keys;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where to write the private key; never overwritten. Default:"
              + " $XDG_CONFIG_HOME/freshjar/signing.key, ~/.config/freshjar/signing.key.")
  Path out;

  @Override
  public Integer call() {
    FreshjarCommand top = keys.parent;
    Path file =
        out != null ? out : SigningKeyLocation.resolve(top.env(), System.getProperty("user.home"));
    SigningKey key = SigningKey.generate();
    try {
      createPrivateDirectory(file.toAbsolutePath().getParent());
      key.writeNew(file);
    } catch (FileAlreadyExistsException e) {
      throw CommandFailure.usage(
          file
              + " already exists, and a key is never overwritten: give another --out FILE (or"
              + " move the old key away if you are sure nobody trusts it any more)");
    } catch (IOException | UnsupportedOperationException e) {
      throw new CommandFailure(
          ExitStatus.RULE_FAILED, "cannot write the key to " + file + ": " + why(e), e);
    }
    AuthorKey publicKey = key.publicKey();
    PrintWriter stdout = top.streams().out();
    stdout.println("# freshjar author key " + publicKey.fingerprint());
    stdout.println("key = " + publicKey.text());
    stdout.flush();
    top.streams()
        .err()
        .println(
            "freshjar: wrote the private key to "
                + file
                + " (readable by you only); keep it secret and backed up. Sign a jar with"
                + " 'freshjar sign JAR --key "
                + file
                + " --name MODULE'; users of your module add the 'key = ...' line above to its"
                + " section of their configuration.");
    return ExitStatus.OK.code();
  }

  /** The key's directory, if it must be made, is made private too. */
  private static void createPrivateDirectory(Path dir) throws IOException {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    createPrivateDirectory(dir.getParent());
    Files.createDirectory(
        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  /** Why a write failed, in words: what the file system said, not the path again. */
  private static String why(Exception e) {
    return e instanceof IOException io ? IoProblems.describe(io) : String.valueOf(e.getMessage());
  }
}
