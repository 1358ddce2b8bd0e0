package dev.freshjar.cache.maven;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An artifact a module follows in a Maven repository, and which of its versions it accepts.
 *
 * @param groupId e.g. {@code com.acme}
 * @param artifactId e.g. {@code acme-rules}
 * @param repository the repository's base URL, ending in {@code /}
 * @param policy which versions may be chosen
 * @param server the id of the {@code <server>} in Maven's {@code settings.xml} whose credentials
 *     the repository needs, when the module names one
 * @param credentials how to authenticate to a private repository
 */
public record MavenArtifact(
    String groupId,
    String artifactId,
    URI repository,
    VersionPolicy policy,
    Optional<String> server,
    Optional<RepositoryCredentials> credentials) {
  /** Maven Central, when a module names no repository. */
  public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

  // Ids become path segments: no '/', no '..', nothing a shell or terminal would interpret.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}");

  public MavenArtifact {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(credentials, "credentials");
    requireId(groupId, "groupId");
    requireId(artifactId, "artifactId");
    repository = asDirectory(Objects.requireNonNull(repository, "repository"));
  }

  /**
   * Reads {@code group:artifact}.
   *
   * @throws IllegalArgumentException saying what a coordinate looks like
   */
  public static MavenArtifact parse(String coordinates, URI repository) {
    String[] parts = coordinates.strip().split(":", -1);
    if (parts.length != 2 || !isValidId(parts[0]) || !isValidId(parts[1])) {
      throw new IllegalArgumentException(
          "'"
              + coordinates
              + "' is not GROUP:ARTIFACT; write e.g. com.acme:acme-rules (letters, digits, '.',"
              + " '_' and '-')");
    }
    return new MavenArtifact(
        parts[0], parts[1], repository, VersionPolicy.RELEASES, Optional.empty(), Optional.empty());
  }

  static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches() && !id.contains("..");
  }

  public MavenArtifact withPolicy(VersionPolicy p) {
    return new MavenArtifact(groupId, artifactId, repository, p, server, credentials);
  }

  public MavenArtifact withServer(Optional<String> id) {
    return new MavenArtifact(groupId, artifactId, repository, policy, id, credentials);
  }

  public MavenArtifact withCredentials(Optional<RepositoryCredentials> c) {
    return new MavenArtifact(groupId, artifactId, repository, policy, server, c);
  }

  /** The same artifact options (repository, versions, server) for another group and artifact. */
  public MavenArtifact withCoordinates(MavenArtifact other) {
    return new MavenArtifact(
        other.groupId, other.artifactId, repository, policy, server, credentials);
  }

  /** {@code GROUP/PATH/ARTIFACT/maven-metadata.xml} in the repository. */
  public URI metadataUrl() {
    return repository.resolve(directory() + "maven-metadata.xml");
  }

  /**
   * What a module record's validators belong to: the metadata's URL, with the version policy as its
   * fragment (never sent), so that a changed {@code versions} makes the next check a full one.
   */
  public URI validatorsKey() {
    return URI.create(
        metadataUrl() + "#" + URLEncoder.encode(policy.key(), StandardCharsets.UTF_8));
  }

  /** {@code ARTIFACT-VERSION.jar} of {@code version}. */
  public URI jarUrl(String version) {
    return repository.resolve(directory() + version + "/" + artifactId + "-" + version + ".jar");
  }

  /** The checksum file of {@code version}'s jar. */
  public URI checksumUrl(String version, ChecksumAlgorithm algorithm) {
    return URI.create(jarUrl(version) + "." + algorithm.extension());
  }

  /** {@code group:artifact} from the repository, as {@code modules} shows the source. */
  public String describe() {
    return groupId + ":" + artifactId + " from " + repository;
  }

  private String directory() {
    return groupId.replace('.', '/') + "/" + artifactId + "/";
  }

  private static void requireId(String id, String what) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          what + " '" + id + "' must be letters, digits, '.', '_' and '-'");
    }
  }

  private static URI asDirectory(URI repository) {
    String s = repository.toString();
    if (repository.getRawUserInfo() != null) {
      // It would be shown wherever the repository is: credentials go in the environment.
      throw new IllegalArgumentException(
          "the repository URL must not hold a user or password; give them in "
              + RepositoryCredentials.TOKEN_PREFIX
              + "<MODULE> or a settings.xml server");
    }
    if (repository.getRawQuery() != null || repository.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "repository " + s + " must not have a query or fragment: give its base URL");
    }
    return s.endsWith("/") ? repository : URI.create(s + "/");
  }
}
