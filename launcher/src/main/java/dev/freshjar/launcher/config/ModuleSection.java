package dev.freshjar.launcher.config;

import dev.freshjar.cache.ModuleSource;
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

  ModuleSection(String name, int headerLine, Path base) {
    this.name = name;
    this.headerLine = headerLine;
    this.base = base;
  }

  /** Records that {@code option} is set on {@code line}; the line it was set on before, if any. */
  Optional<Integer> set(ModuleOption option, int line) {
    return Optional.ofNullable(lines.putIfAbsent(option, line));
  }

  ModuleSource toSource() {
    return new ModuleSource(name, url, allowPlainHttp, timeout, expectedSha256, authorKey);
  }
}
