/**
 * Authors' signatures on module jars: Ed25519 keys, the signed statement and its file format. Pure
 * values and cryptography, with no knowledge of the cache; {@code dev.freshjar.cache} decides when
 * a signature is required and what to do when it fails.
 */
package dev.freshjar.cache.trust;
