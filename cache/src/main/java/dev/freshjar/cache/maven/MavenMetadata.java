package dev.freshjar.cache.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An artifact's {@code maven-metadata.xml}: the versions its repository lists. {@code <release>}
 * and {@code <latest>} are read but never decide anything: repositories leave them stale.
 *
 * @param versions every listed version, in the file's order
 * @param release the {@code <release>} element, if any
 */
record MavenMetadata(List<String> versions, Optional<String> release) {
  /** Bounds the download: the metadata of Maven Central's busiest artifacts is a few 100 KiB. */
  static final long MAX_BYTES = 1 << 20;

  MavenMetadata {
    versions = List.copyOf(versions);
  }

  /**
   * Reads metadata that should describe {@code artifact}.
   *
   * @param from where it came from, for reasons
   */
  static MavenMetadata parse(byte[] bytes, MavenArtifact artifact, String from)
      throws MavenException {
    Document doc = SafeXml.parse(bytes, "the metadata " + from);
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("metadata")) {
      throw new MavenException(
          "the metadata "
              + from
              + " is not Maven metadata: its root element is <"
              + Text.bounded(root.getTagName())
              + ">, not <metadata>");
    }
    checkId(root, "groupId", artifact.groupId(), from);
    checkId(root, "artifactId", artifact.artifactId(), from);
    List<String> versions = new ArrayList<>();
    Optional<String> release = Optional.empty();
    Optional<Element> versioning = SafeXml.child(root, "versioning");
    if (versioning.isPresent()) {
      release = SafeXml.childText(versioning.get(), "release");
      Optional<Element> list = SafeXml.child(versioning.get(), "versions");
      if (list.isPresent()) {
        for (Node n = list.get().getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e && e.getTagName().equals("version")) {
            versions.add(e.getTextContent().strip());
          }
        }
      }
    }
    return new MavenMetadata(versions, release);
  }

  private static void checkId(Element root, String name, String expected, String from)
      throws MavenException {
    Optional<String> given = SafeXml.childText(root, name);
    if (given.isPresent() && !given.get().equals(expected)) {
      throw new MavenException(
          "the metadata "
              + from
              + " is for "
              + name
              + " '"
              + Text.bounded(given.get())
              + "', not '"
              + expected
              + "'");
    }
  }
}
