package dev.freshjar.cache.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * How to authenticate to a private repository: an {@code Authorization} header, sent only to the
 * repository's own scheme, host and port (never across a redirect elsewhere). The secret is never
 * part of a string this class makes: {@link #toString()} names only where it came from.
 */
public final class RepositoryCredentials {
  /** The environment variable prefixes; the module's name follows in upper case, {@code -} as _. */
  public static final String TOKEN_PREFIX = "FRESHJAR_REPO_TOKEN_";

  public static final String USER_PREFIX = "FRESHJAR_REPO_USER_";

  private final String authorization;
  private final String origin;

  private RepositoryCredentials(String authorization, String origin) {
    this.authorization = authorization;
    this.origin = origin;
  }

  /** The value of the {@code Authorization} header. */
  public String authorization() {
    return authorization;
  }

  /** Where the secret came from, for messages: an environment variable or a settings.xml server. */
  public String origin() {
    return origin;
  }

  /**
   * Whether a request to {@code url} may carry these credentials: only one to the repository's own
   * scheme, host and port.
   */
  public static boolean mayReceive(URI repository, URI url) {
    return scheme(repository).equals(scheme(url))
        && repository.getHost() != null
        && repository.getHost().equalsIgnoreCase(url.getHost())
        && port(repository) == port(url);
  }

  /**
   * The module's credentials from the environment: {@code FRESHJAR_REPO_TOKEN_<MODULE>} alone is a
   * bearer token; with {@code FRESHJAR_REPO_USER_<MODULE>} it is that user's password (HTTP basic),
   * as GitHub Packages, Nexus and Artifactory expect.
   *
   * @throws MavenException when a user is given without a token
   */
  public static Optional<RepositoryCredentials> fromEnvironment(
      String module, Map<String, String> env) throws MavenException {
    String suffix = module.toUpperCase(Locale.ROOT).replace('-', '_');
    String token = env.get(TOKEN_PREFIX + suffix);
    String user = env.get(USER_PREFIX + suffix);
    if (token == null || token.isEmpty()) {
      if (user != null && !user.isEmpty()) {
        throw new MavenException(
            USER_PREFIX + suffix + " is set but " + TOKEN_PREFIX + suffix + " is not; set both");
      }
      return Optional.empty();
    }
    if (user == null || user.isEmpty()) {
      requireHeaderSafe(token, TOKEN_PREFIX + suffix);
      return Optional.of(new RepositoryCredentials("Bearer " + token, TOKEN_PREFIX + suffix));
    }
    // A basic password travels base64-encoded: spaces and non-ASCII are fine, as in settings.xml.
    requireNoControl(token, TOKEN_PREFIX + suffix);
    requireBasicUser(user, USER_PREFIX + suffix);
    return Optional.of(basic(user, token, USER_PREFIX + suffix + "/" + TOKEN_PREFIX + suffix));
  }

  /**
   * The credentials of the {@code <server>} with this id in a Maven {@code settings.xml}.
   *
   * @throws MavenException when the file cannot be read, has no such server, or its password is
   *     encrypted (freshjar cannot decrypt Maven's master password)
   */
  public static RepositoryCredentials fromSettings(String serverId, Path settings)
      throws MavenException {
    byte[] bytes;
    // Read up to the bound, whatever the size says: a pipe (<(...)) has none, /dev/zero no end.
    try (InputStream in = Files.newInputStream(settings)) {
      bytes = in.readNBytes((int) MavenMetadata.MAX_BYTES + 1);
      if (bytes.length > MavenMetadata.MAX_BYTES) {
        throw new MavenException(settings + " is larger than 1 MiB; is it really settings.xml?");
      }
    } catch (NoSuchFileException e) {
      throw new MavenException(
          "server '" + serverId + "' is named, but there is no " + settings, e);
    } catch (IOException e) {
      throw new MavenException("cannot read " + settings + ": " + e.getMessage(), e);
    }
    Element root = SafeXml.parse(bytes, settings.toString()).getDocumentElement();
    Optional<Element> servers = SafeXml.child(root, "servers");
    if (servers.isPresent()) {
      for (Node n = servers.get().getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element server
            && server.getTagName().equals("server")
            && SafeXml.childText(server, "id").filter(serverId::equals).isPresent()) {
          return fromServer(server, serverId, settings);
        }
      }
    }
    throw new MavenException(
        "there is no <server> with id '" + serverId + "' in " + settings + "; add one");
  }

  private static RepositoryCredentials fromServer(Element server, String id, Path settings)
      throws MavenException {
    String origin = "server '" + id + "' of " + settings;
    Optional<String> user = SafeXml.childText(server, "username");
    Optional<String> password = SafeXml.childText(server, "password");
    if (user.isEmpty() || password.isEmpty()) {
      throw new MavenException(origin + " has no <username> and <password>");
    }
    String p = password.get();
    if (p.startsWith("{") && p.endsWith("}")) {
      throw new MavenException(
          origin
              + " has an encrypted password, which freshjar cannot decrypt; give the password in "
              + TOKEN_PREFIX
              + "<MODULE> instead");
    }
    if (p.startsWith("${")) {
      throw new MavenException(
          origin + " takes its password from a property, which freshjar does not expand");
    }
    requireBasicUser(user.get(), "the <username> of " + origin);
    requireNoControl(p, "the <password> of " + origin);
    return basic(user.get(), p, origin);
  }

  /** A bearer token goes into a header as it is: printable ASCII only. Never names the value. */
  private static void requireHeaderSafe(String token, String origin) throws MavenException {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new MavenException(
            origin
                + " holds a character that cannot be sent in an HTTP header (at position "
                + (i + 1)
                + "): a line break or space copied with the token?");
      }
    }
  }

  /**
   * HTTP basic sends "user:password" as one string, split at its first colon (RFC 7617, section 2):
   * a user with a colon would reach the server as another user, and be refused with a misleading
   * 401. Never names the value.
   */
  private static void requireBasicUser(String user, String origin) throws MavenException {
    requireNoControl(user, origin);
    if (user.indexOf(':') >= 0) {
      throw new MavenException(
          origin
              + " holds a ':' (at position "
              + (user.indexOf(':') + 1)
              + "), which HTTP basic authentication cannot send in a user name: the server would"
              + " split user and password at it; give the user name alone, without ':'");
    }
  }

  /** RFC 7617 allows no control characters in a user or password: a line break pasted along? */
  private static void requireNoControl(String value, String origin) throws MavenException {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new MavenException(
            origin
                + " holds a control character (at position "
                + (i + 1)
                + "), which HTTP basic authentication cannot send: a line break or tab copied"
                + " with it?");
      }
    }
  }

  private static RepositoryCredentials basic(String user, String password, String origin) {
    String pair = user + ":" + password;
    return new RepositoryCredentials(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
        origin);
  }

  private static String scheme(URI url) {
    return Objects.toString(url.getScheme(), "").toLowerCase(Locale.ROOT);
  }

  private static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return switch (scheme(url)) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepositoryCredentials c && c.authorization.equals(authorization);
  }

  @Override
  public int hashCode() {
    return authorization.hashCode();
  }

  /** Names where the credentials came from, never the secret. */
  @Override
  public String toString() {
    return "credentials from " + origin;
  }
}
