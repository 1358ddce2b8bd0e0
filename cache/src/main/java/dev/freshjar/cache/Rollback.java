package dev.freshjar.cache;

/**
 * A module made to run an earlier cached version, pinned there.
 *
 * @param from the version that was current
 * @param to the version now current and pinned; the same as {@code from} when it already was
 */
public record Rollback(CachedJar from, CachedJar to) {}
