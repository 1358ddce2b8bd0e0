/**
 * Modules published to a Maven repository: the repository's layout, its {@code maven-metadata.xml},
 * the choice of version by Maven's own ordering, checksum files, and the credentials of a private
 * repository. Nothing here does I/O beyond reading the user's {@code settings.xml}; the cache
 * fetches what these classes name.
 */
package dev.freshjar.cache.maven;
