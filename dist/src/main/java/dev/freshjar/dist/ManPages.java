package dev.freshjar.dist;

import dev.freshjar.launcher.cli.CommandTree;
import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the AsciiDoc sources of the release's man pages, one per command, from the launcher's
 * picocli command definitions; the build turns them into man(1) pages with Asciidoctor.
 */
public final class ManPages {
  private ManPages() {}

  /**
   * Generates the pages.
   *
   * @param args the directory to write the {@code .adoc} files into
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPages OUTPUT-DIRECTORY");
    }
    File directory = new File(args[0]);
    if (!directory.isDirectory() && !directory.mkdirs()) {
      throw new IOException("cannot create " + directory);
    }
    int status =
        ManPageGenerator.generateManPage(directory, null, new boolean[0], true, CommandTree.spec());
    if (status != 0) {
      throw new IOException("picocli's ManPageGenerator failed with status " + status);
    }
  }
}
