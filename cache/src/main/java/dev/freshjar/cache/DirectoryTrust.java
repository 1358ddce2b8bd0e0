package dev.freshjar.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the cache's directories can be trusted to hold the code this user runs, as ssh judges a
 * key file: a directory another user owns or may write lets that user swap the jars. Refused: owned
 * by another user than this one or root; writable by others; writable by its group, unless the
 * group is the owner's own (user-private groups, where no one else is in it). Checked on POSIX file
 * systems only.
 */
final class DirectoryTrust {
  private DirectoryTrust() {}

  /**
   * Why jars from the cache must not run, naming the directory and the fix; empty when they may.
   */
  static Optional<String> problem(CacheLayout layout) {
    for (Path dir : List.of(layout.root(), layout.objects(), layout.modules())) {
      Optional<String> problem = problem(dir);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(Path dir) {
    PosixFileAttributes attributes;
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
      if (view == null) {
        return Optional.empty();
      }
      attributes = view.readAttributes();
    } catch (IOException e) {
      // A directory that is not there yet (a read-only cache never made it) holds nothing to run.
      return Optional.empty();
    }
    String owner = attributes.owner().getName();
    String me = System.getProperty("user.name");
    if (!owner.equals(me) && !owner.equals("root") && !isMe(attributes.owner(), dir)) {
      return Optional.of(
          "refusing to run code from the cache: its directory "
              + dir
              + " belongs to user "
              + owner
              + ", not to you ("
              + me
              + "), who could swap the jars it holds; use a cache directory of your own"
              + " (--cache-dir), or 'chown "
              + me
              + " "
              + dir
              + "'");
    }
    Set<PosixFilePermission> perms = attributes.permissions();
    boolean others = perms.contains(PosixFilePermission.OTHERS_WRITE);
    boolean group =
        perms.contains(PosixFilePermission.GROUP_WRITE)
            && !attributes.group().getName().equals(owner);
    if (others || group) {
      return Optional.of(
          "refusing to run code from the cache: its directory "
              + dir
              + " is writable by "
              + (others ? "other users" : "its group " + attributes.group().getName())
              + " ("
              + PosixFilePermissions.toString(perms)
              + "), who could swap the jars it holds; 'chmod go-w "
              + dir
              + "' fixes it");
    }
    return Optional.empty();
  }

  private static boolean isMe(UserPrincipal owner, Path dir) {
    try {
      UserPrincipal me =
          dir.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(System.getProperty("user.name"));
      return me.equals(owner);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * Takes write permission from group and others on a directory this process just created, so that
   * a cache made here never trips {@link #problem}, whatever the umask; the root is the owner's
   * alone.
   */
  static void restrictCreated(Path dir, boolean root) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
      if (view == null) {
        return;
      }
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      perms.remove(PosixFilePermission.GROUP_WRITE);
      perms.remove(PosixFilePermission.OTHERS_WRITE);
      if (root) {
        perms.remove(PosixFilePermission.GROUP_READ);
        perms.remove(PosixFilePermission.GROUP_EXECUTE);
        perms.remove(PosixFilePermission.OTHERS_READ);
        perms.remove(PosixFilePermission.OTHERS_EXECUTE);
      }
      view.setPermissions(perms);
    } catch (IOException e) {
      // Not fatal here: the check names the directory and the chmod if it matters.
    }
  }
}
