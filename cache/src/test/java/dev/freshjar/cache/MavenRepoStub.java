package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Maven repository's layout served by WireMock: {@code com/acme/acme-rules/maven-metadata.xml},
 * each version's jar and checksum files, and, when given, its signature. The metadata is served
 * with an ETag and answers a matching If-None-Match with 304, as Nexus and Central do.
 */
final class MavenRepoStub {
  static final String GROUP = "com.acme";
  static final String ARTIFACT = "acme-rules";
  static final String DIR = "/repo/com/acme/acme-rules/";

  private final WireMockServer server;
  // The metadata's stubs, replaced as a whole when the metadata changes: a 304 for an old ETag
  // left behind would answer for the new text.
  private final java.util.List<com.github.tomakehurst.wiremock.stubbing.StubMapping> metadataStubs =
      new java.util.ArrayList<>();

  MavenRepoStub(WireMockServer server) {
    this.server = server;
  }

  static String metadataXml(String release, String... versions) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n  <groupId>"
        + GROUP
        + "</groupId>\n  <artifactId>"
        + ARTIFACT
        + "</artifactId>\n  <versioning>\n"
        + (release == null ? "" : "    <release>" + release + "</release>\n")
        + "    <versions>\n"
        + List.of(versions).stream()
            .map(v -> "      <version>" + v + "</version>\n")
            .collect(Collectors.joining())
        + "    </versions>\n  </versioning>\n</metadata>\n";
  }

  /** Serves metadata listing {@code versions}, with an ETag that changes with the text. */
  void metadata(String... versions) {
    metadataText(
        metadataXml(versions.length == 0 ? null : versions[versions.length - 1], versions));
  }

  void metadataText(String xml) {
    metadataBytes(xml.getBytes(StandardCharsets.UTF_8));
  }

  void metadataBytes(byte[] body) {
    String etag = "\"" + digest("SHA-256", body).substring(0, 16) + "\"";
    metadataStubs.forEach(server::removeStub);
    metadataStubs.clear();
    metadataStubs.add(
        server.stubFor(
            get(urlEqualTo(DIR + "maven-metadata.xml"))
                .atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("ETag", etag).withBody(body))));
    metadataStubs.add(
        server.stubFor(
            get(urlEqualTo(DIR + "maven-metadata.xml"))
                .withHeader(
                    "If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo(etag))
                .atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag))));
  }

  /** Publishes {@code jar} as {@code version} with a .sha512 and a .sha1, as Maven deploys. */
  void publish(String version, byte[] jar) {
    jar(version, jar);
    checksum(version, "sha512", digest("SHA-512", jar));
    checksum(version, "sha1", digest("SHA-1", jar));
  }

  void jar(String version, byte[] jar) {
    serve(jarPath(version), jar);
  }

  void checksum(String version, String extension, String text) {
    serve(jarPath(version) + "." + extension, text.getBytes(StandardCharsets.US_ASCII));
  }

  void signature(String version, byte[] sig) {
    serve(jarPath(version) + ".sig", sig);
  }

  static String jarPath(String version) {
    return DIR + version + "/" + ARTIFACT + "-" + version + ".jar";
  }

  private void serve(String path, byte[] body) {
    server.stubFor(
        get(urlEqualTo(path)).atPriority(5).willReturn(aResponse().withStatus(200).withBody(body)));
  }

  static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
