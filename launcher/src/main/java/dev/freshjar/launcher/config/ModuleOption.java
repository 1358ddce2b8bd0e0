package dev.freshjar.launcher.config;

import dev.freshjar.cache.Durations;
import dev.freshjar.cache.maven.MavenArtifact;
import dev.freshjar.cache.maven.RepositoryCredentials;
import dev.freshjar.cache.maven.VersionPolicy;
import dev.freshjar.cache.trust.AuthorKey;
import dev.freshjar.launcher.input.UrlLogin;
import dev.freshjar.launcher.modules.ModuleSources;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The options a {@code [module NAME]} section may set, each with how its value is read. A new
 * per-module option is one more constant here (and a field of {@link ModuleSection}).
 */
enum ModuleOption {
  URL("url", "https://example.org/rules.jar") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      section.url = uri(value, section);
    }
  },
  ALLOW_HTTP("allow-http", "true") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      section.allowPlainHttp = bool(value);
    }
  },
  TIMEOUT("timeout", "10s") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      Duration timeout = parse(value, Durations::parse);
      if (timeout.isZero()) {
        throw new BadValue(
            "timeout '" + value + "' must be longer than zero; write e.g. timeout = 10s");
      }
      section.timeout = timeout;
    }
  },
  SHA256("sha256", "<the 64 hex digits sha256sum prints>") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      String sha = value.toLowerCase(Locale.ROOT);
      if (!sha.matches("[0-9a-f]{64}")) {
        throw new BadValue(
            "sha256 '"
                + value
                + "' is not a SHA-256: write the 64 hex digits 'sha256sum JAR' prints for the one"
                + " jar to accept");
      }
      section.expectedSha256 = Optional.of(sha);
    }
  },
  KEY("key", "ed25519:<the key its author published>") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      section.authorKey = parse(value, v -> Optional.of(AuthorKey.parse(v)));
    }
  },
  MAVEN("maven", "com.acme:acme-rules") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      section.maven = parse(value, v -> MavenArtifact.parse(v, MavenArtifact.CENTRAL));
    }
  },
  REPOSITORY("repository", "https://repo.acme.example/releases") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      // Refused before parsing, whose reasons quote the value: the password must not be shown.
      if (UrlLogin.carries(value)) {
        throw new BadValue(
            key()
                + " must not hold a user or password ("
                + UrlLogin.hidden(value)
                + "): the repository is shown wherever the module is; give them in "
                + RepositoryCredentials.TOKEN_PREFIX
                + "<MODULE> (with "
                + RepositoryCredentials.USER_PREFIX
                + "<MODULE> for a user), or name a settings.xml server with server = ID");
      }
      section.repository = uri(value, section);
    }
  },
  VERSIONS("versions", "[2.0,3.0)") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      section.versions =
          parse(value, v -> Optional.of(VersionPolicy.of(v, false).spec().orElseThrow()));
    }
  },
  PRE_RELEASES("pre-releases", "true") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      section.preReleases = bool(value);
    }
  },
  SERVER("server", "<the id of a server in ~/.m2/settings.xml>") {
    @Override
    void read(String value, ModuleSection section) throws BadValue {
      if (!value.matches("[A-Za-z0-9_.-]{1,100}")) {
        throw new BadValue(
            "server '" + value + "' is not a server id: letters, digits, '.', '_' and '-'");
      }
      section.server = Optional.of(value);
    }
  };

  /** The options that only a module from a Maven repository may set. */
  static final Set<ModuleOption> MAVEN_ONLY =
      EnumSet.of(REPOSITORY, VERSIONS, PRE_RELEASES, SERVER);

  /** "true" or "false". */
  boolean bool(String value) throws BadValue {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new BadValue(
              key
                  + " '"
                  + value
                  + "' is not true or false; write "
                  + key
                  + " = true or "
                  + key
                  + " = false");
    };
  }

  /** An address, relative ones against the config file's directory. */
  URI uri(String value, ModuleSection section) throws BadValue {
    return parse(value, v -> ModuleSources.toUri(v, section.base));
  }

  /**
   * {@code parser}'s reading of {@code value}; the IllegalArgumentException it throws for a bad one
   * (whose message starts with the quoted value) becomes this option's {@link BadValue}.
   */
  <T> T parse(String value, Function<String, T> parser) throws BadValue {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new BadValue(key + " " + e.getMessage());
    }
  }

  private final String key;
  private final String exampleValue;

  ModuleOption(String key, String exampleValue) {
    this.key = key;
    this.exampleValue = exampleValue;
  }

  /** Reads {@code value} (trimmed, not empty) into {@code section}. */
  abstract void read(String value, ModuleSection section) throws BadValue;

  String key() {
    return key;
  }

  /** A line that sets this option, to show in messages: {@code timeout = 10s}. */
  String example() {
    return key + " = " + exampleValue;
  }

  static Optional<ModuleOption> named(String key) {
    return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
  }

  /** "url, allow-http, timeout, sha256, key". */
  static String keys() {
    return Arrays.stream(values()).map(ModuleOption::key).collect(Collectors.joining(", "));
  }
}
