package dev.freshjar.launcher.modules;

import dev.freshjar.cache.ModuleSource;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.MavenException;
import dev.freshjar.cache.maven.RepositoryCredentials;
import dev.freshjar.launcher.CommandFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives each Maven module the credentials of its private repository: {@code
 * FRESHJAR_REPO_TOKEN_<MODULE>} (with {@code FRESHJAR_REPO_USER_<MODULE>} for a user) from the
 * environment, else the {@code settings.xml} server the module names ({@code
 * FRESHJAR_MAVEN_SETTINGS}, else {@code ~/.m2/settings.xml}). Secrets are read here and go nowhere
 * but into the request headers to the repository itself.
 */
public final class RepositoryLogins {
  /** Names the Maven settings file to read servers from, instead of ~/.m2/settings.xml. */
  public static final String SETTINGS_ENV = "FRESHJAR_MAVEN_SETTINGS";

  private RepositoryLogins() {}

  /**
   * {@code sources}, Maven ones with their credentials.
   *
   * @throws CommandFailure (exit 2) when a module's credentials are named but cannot be had
   */
  public static List<ModuleSource> resolve(
      List<ModuleSource> sources, Map<String, String> env, String userHome) {
    List<ModuleSource> resolved = new ArrayList<>(sources.size());
    for (ModuleSource source : sources) {
      if (source.maven().isEmpty()) {
        resolved.add(source);
        continue;
      }
      MavenArtifact artifact = source.maven().get();
      Optional<RepositoryCredentials> credentials;
      try {
        credentials = RepositoryCredentials.fromEnvironment(source.name(), env);
        if (credentials.isEmpty() && artifact.server().isPresent()) {
          credentials =
              Optional.of(
                  RepositoryCredentials.fromSettings(
                      artifact.server().get(), settings(env, userHome)));
        }
      } catch (MavenException e) {
        throw CommandFailure.usage("module " + source.name() + ": " + e.getMessage());
      }
      if (credentials.isEmpty()) {
        resolved.add(source);
        continue;
      }
      MavenArtifact with = artifact.withCredentials(credentials);
      resolved.add(
          new ModuleSource(
              source.name(),
              with.repository(),
              source.allowPlainHttp(),
              source.timeout(),
              source.expectedSha256(),
              source.authorKey(),
              Optional.of(with)));
    }
    return resolved;
  }

  private static Path settings(Map<String, String> env, String userHome) {
    String named = env.get(SETTINGS_ENV);
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    return Path.of(userHome, ".m2", "settings.xml");
  }
}
