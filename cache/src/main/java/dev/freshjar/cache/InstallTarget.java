package dev.freshjar.cache;

import dev.freshjar.cache.maven.MavenRelease;
import java.net.URI;
import java.util.Optional;

/**
 * Where an installed jar came from and what its record keeps: for a URL module, the URL and its
 * validators; for a Maven module, the release's jar URL, and the validators of the metadata.
 *
 * @param url where the jar is published; its signature is beside it
 * @param validatorsFor what {@code validators} belong to
 * @param validators what the source said identifies what it sent
 * @param release the Maven release, for a Maven module
 */
record InstallTarget(
    URI url, URI validatorsFor, Validators validators, Optional<MavenRelease> release) {
  static InstallTarget of(ModuleSource source, FetchOutcome.Downloaded download) {
    return new InstallTarget(source.url(), source.url(), download.validators(), Optional.empty());
  }
}
