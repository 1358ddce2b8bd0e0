package dev.freshjar.launcher.modules;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.input.UrlLogin;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which modules a run uses: the configuration file's, then {@code --module NAME=URL} flags, or the
 * built-in default when neither names any.
 */
public final class ModuleSources {
  /** The name of the text-utils module built in this repository, used when none is configured. */
  public static final String DEFAULT_MODULE = "text";

  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  /** {@code --module NAME=maven:GROUP:ARTIFACT}: a module from a Maven repository. */
  public static final String MAVEN_PREFIX = "maven:";

  private static final Set<String> FETCHABLE = Set.of("https", "http", "file");

  private ModuleSources() {}

  /**
   * Parses {@code --module} flags, each {@code NAME=URL}; a URL without a scheme is a local path.
   *
   * @throws CommandFailure (exit 2) naming the bad flag
   */
  public static List<ModuleSource> fromFlags(List<String> flags) {
    Map<String, ModuleSource> sources = new LinkedHashMap<>();
    for (String flag : flags) {
      int equals = flag.indexOf('=');
      if (equals <= 0 || equals == flag.length() - 1) {
        throw CommandFailure.usage(
            "--module "
                + flag
                + ": expected NAME=URL or NAME=maven:GROUP:ARTIFACT, e.g. --module"
                + " text=https://example.org/t.jar");
      }
      String name = flag.substring(0, equals).trim();
      String value = flag.substring(equals + 1).trim();
      ModuleSource source;
      try {
        source =
            value.startsWith(MAVEN_PREFIX)
                ? ModuleSource.ofMaven(
                    name,
                    MavenArtifact.parse(
                        value.substring(MAVEN_PREFIX.length()), MavenArtifact.CENTRAL),
                    false,
                    ModuleSource.DEFAULT_TIMEOUT,
                    Optional.empty())
                : ModuleSource.of(name, toUri(value, Path.of("")));
      } catch (IllegalArgumentException e) {
        // Not the flag itself: its URL may carry a password (UrlLogin).
        throw CommandFailure.usage("--module " + name + ": " + e.getMessage());
      }
      if (sources.put(name, source) != null) {
        throw CommandFailure.usage("--module " + name + " is given twice");
      }
    }
    return new ArrayList<>(sources.values());
  }

  // Where the text-utils jar lies: in a source tree, where its build puts it; in a release
  // archive, beside the launcher's libraries but off the class path.
  private static final List<String> BUILT_IN_DIRECTORIES =
      List.of("text-utils-module/target", "lib/modules");

  /**
   * The text-utils module under {@code home} (a source tree or an unpacked release), as a {@code
   * file:} source, if it is there.
   */
  public static Optional<ModuleSource> builtIn(Path home) {
    for (String directory : BUILT_IN_DIRECTORIES) {
      Optional<Path> jar = textUtilsJar(home.resolve(directory));
      if (jar.isPresent()) {
        return Optional.of(ModuleSource.of(DEFAULT_MODULE, jar.get().toAbsolutePath().toUri()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> textUtilsJar(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(directory, "text-utils-module-*.jar")) {
      for (Path jar : jars) {
        String file = jar.getFileName().toString();
        if (!file.endsWith("-sources.jar") && !file.endsWith("-javadoc.jar")) {
          return Optional.of(jar);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The modules of the configuration file with the flags' applied: a flag naming a module of the
   * file replaces that module's entry where it stands (options and all), any other flag adds a
   * module after the file's. A {@code maven:} flag naming a Maven module of the file keeps that
   * module's options (repository, versions, key, ...) and replaces only its group and artifact.
   */
  public static List<ModuleSource> combine(List<ModuleSource> file, List<ModuleSource> flags) {
    Map<String, ModuleSource> combined = new LinkedHashMap<>();
    for (ModuleSource source : file) {
      combined.put(source.name(), source);
    }
    for (ModuleSource source : flags) {
      ModuleSource before = combined.get(source.name());
      if (before != null && before.maven().isPresent() && source.maven().isPresent()) {
        MavenArtifact artifact = before.maven().get().withCoordinates(source.maven().get());
        source =
            new ModuleSource(
                before.name(),
                artifact.repository(),
                before.allowPlainHttp(),
                before.timeout(),
                before.expectedSha256(),
                before.authorKey(),
                Optional.of(artifact));
      }
      combined.put(source.name(), source);
    }
    return new ArrayList<>(combined.values());
  }

  /**
   * A module's URL as a user wrote it: an {@code https:}, {@code http:} or {@code file:} URL, or a
   * local path, relative to {@code base} unless absolute.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static URI toUri(String text, Path base) {
    UrlLogin.refuse(text);
    if (!SCHEME.matcher(text).matches()) {
      try {
        return base.resolve(text).toAbsolutePath().normalize().toUri();
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("'" + text + "' is not a valid path: " + e.getMessage());
      }
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a valid URL ("
              + e.getReason().toLowerCase(Locale.ROOT)
              + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
              + "); write e.g. https://example.org/rules.jar");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!FETCHABLE.contains(scheme)) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' has the scheme "
              + scheme
              + ":, which freshjar cannot fetch; use https:, http: or file:, or a path");
    }
    if (!scheme.equals("file") && (url.getHost() == null || url.getHost().isEmpty())) {
      throw new IllegalArgumentException(
          "'" + text + "' names no host; write e.g. https://example.org/rules.jar");
    }
    return url;
  }
}
