package dev.freshjar.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server said identifies the version it sent, echoed back in a conditional GET.
 *
 * @param etag the ETag header, sent back as If-None-Match
 * @param lastModified the Last-Modified header, sent back as If-Modified-Since
 */
record Validators(Optional<String> etag, Optional<String> lastModified) {
  static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

  Validators {
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
  }

  // Written out: a record's generated equals is bootstrapped on first use, which costs
  // milliseconds on a path every start takes.
  @Override
  public boolean equals(Object o) {
    return o instanceof Validators v && etag.equals(v.etag) && lastModified.equals(v.lastModified);
  }

  @Override
  public int hashCode() {
    return 31 * etag.hashCode() + lastModified.hashCode();
  }

  /**
   * These validators without any a request cannot carry back: HTTP header values are visible ASCII,
   * spaces and tabs only (OkHttp refuses to send anything else). A server that sends an ETag with a
   * control character or a non-ASCII byte would otherwise make every later check impossible;
   * without it the next check is a plain GET.
   */
  Validators sendable() {
    Optional<String> e = etag.filter(Validators::sendable);
    Optional<String> m = lastModified.filter(Validators::sendable);
    return e.equals(etag) && m.equals(lastModified) ? this : new Validators(e, m);
  }

  static boolean sendable(String value) {
    if (value.isEmpty() || value.length() > 8192) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        return false;
      }
    }
    return true;
  }

  boolean isEmpty() {
    return etag.isEmpty() && lastModified.isEmpty();
  }
}
