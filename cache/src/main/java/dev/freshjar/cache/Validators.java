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

  boolean isEmpty() {
    return etag.isEmpty() && lastModified.isEmpty();
  }
}
