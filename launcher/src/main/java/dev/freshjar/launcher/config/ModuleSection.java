package dev.freshjar.launcher.config;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.VersionPolicy;
import dev.freshjar.cache.trust.AuthorKey;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** One {@code [module NAME]} section as it is being read: the options it set, and where. */
final class ModuleSection {
  final String name;
  final int headerLine;

  /** What relative paths in the section are relative to: the configuration file's directory. */
  final Path base;

  private final Map<ModuleOption, Integer> lines = new EnumMap<>(ModuleOption.class);
  URI url;
  boolean allowPlainHttp;
  Duration timeout = ModuleSource.DEFAULT_TIMEOUT;
  Optional<String> expectedSha256 = Optional.empty();
  Optional<AuthorKey> authorKey = Optional.empty();
  MavenArtifact maven;
  URI repository = MavenArtifact.CENTRAL;
  Optional<String> versions = Optional.empty();
  boolean preReleases;
  Optional<String> server = Optional.empty();

  ModuleSection(String name, int headerLine, Path base) {
    this.name = name;
    this.headerLine = headerLine;
    this.base = base;
  }

  /** Records that {@code option} is set on {@code line}; the line it was set on before, if any. */
  Optional<Integer> set(ModuleOption option, int line) {
    return Optional.ofNullable(lines.putIfAbsent(option, line));
  }

  /** The line that set {@code option}, if the section set it. */
  Optional<Integer> line(ModuleOption option) {
    return Optional.ofNullable(lines.get(option));
  }

  /** What is wrong with the section as a whole, and on which line; empty when it is complete. */
  Optional<Map.Entry<Integer, String>> problem() {
    Optional<Integer> urlLine = line(ModuleOption.URL);
    Optional<Integer> mavenLine = line(ModuleOption.MAVEN);
    if (urlLine.isPresent() && mavenLine.isPresent()) {
      return Optional.of(
          Map.entry(
              Math.max(urlLine.get(), mavenLine.get()),
              "module "
                  + name
                  + " sets both url (line "
                  + urlLine.get()
                  + ") and maven (line "
                  + mavenLine.get()
                  + "); a module comes from one of the two: keep one"));
    }
    if (urlLine.isEmpty() && mavenLine.isEmpty()) {
      return Optional.of(
          Map.entry(
              headerLine,
              "module "
                  + name
                  + " has no url; add a line such as url = https://example.org/rules.jar, or"
                  + " maven = com.acme:acme-rules for a module from a Maven repository, under"
                  + " [module "
                  + name
                  + "]"));
    }
    if (urlLine.isPresent()) {
      for (ModuleOption option : ModuleOption.MAVEN_ONLY) {
        Optional<Integer> at = line(option);
        if (at.isPresent()) {
          return Optional.of(
              Map.entry(
                  at.get(),
                  option.key()
                      + " applies to a module from a Maven repository (maven = GROUP:ARTIFACT),"
                      + " not to module "
                      + name
                      + ", which has a url"));
        }
      }
    }
    Optional<Integer> shaLine = line(ModuleOption.SHA256);
    if (mavenLine.isPresent() && shaLine.isPresent()) {
      return Optional.of(
          Map.entry(
              shaLine.get(),
              "sha256 pins one jar, which a module following a Maven artifact's newest version"
                  + " cannot have; to hold module "
                  + name
                  + " at one version write versions = [VERSION]"));
    }
    return Optional.empty();
  }

  ModuleSource toSource() {
    if (maven != null) {
      MavenArtifact artifact =
          new MavenArtifact(
              maven.groupId(),
              maven.artifactId(),
              repository,
              new VersionPolicy(versions, preReleases),
              server,
              Optional.empty());
      return ModuleSource.ofMaven(name, artifact, allowPlainHttp, timeout, authorKey);
    }
    return new ModuleSource(name, url, allowPlainHttp, timeout, expectedSha256, authorKey);
  }
}
