package dev.freshjar.launcher;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words rather than a Java exception's name: {@code permission
 * denied: /var/log/x.log}, not {@code java.nio.file.AccessDeniedException: /var/log/x.log}.
 */
public final class IoProblems {
  private IoProblems() {}

  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or directory: " + n.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      // What createDirectories throws when a file sits where a directory must be.
      return f.getFile() + " is in the way: it is not a directory";
    }
    if (e instanceof NotDirectoryException n) {
      return n.getFile() + " is not a directory";
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
    }
    return e.getMessage() == null ? "an input/output error" : e.getMessage();
  }
}
