package dev.freshjar.cache.maven;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's XML parser with everything that reaches beyond the document turned off: no DOCTYPE at
 * all (so no external entities, no entity expansion bombs), no external DTD or schema, no XInclude.
 * Metadata comes from servers; a DOCTYPE in it is refused, not resolved.
 */
final class SafeXml {
  static final int MAX_ELEMENT_DEPTH = 32;

  // The JDK's name for its parser's depth limit (JDK 17 and later).
  private static final String MAX_DEPTH =
      "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

  private SafeXml() {}

  /**
   * Parses {@code bytes}.
   *
   * @param what names the document in the reason, e.g. its URL
   */
  static Document parse(byte[] bytes, String what) throws MavenException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // Maven metadata is five levels deep; a server's ten thousand nested elements would
      // overflow the stack of whatever walks the tree (getTextContent is recursive).
      factory.setAttribute(MAX_DEPTH, Integer.toString(MAX_ELEMENT_DEPTH));
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      // The default handler prints "[Fatal Error]" lines on standard error.
      builder.setErrorHandler(Quiet.INSTANCE);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      throw new MavenException(
          what
              + " is not well-formed XML (line "
              + e.getLineNumber()
              + ": "
              + Text.bounded(String.valueOf(e.getMessage()))
              + ")",
          e);
    } catch (SAXException | IOException e) {
      throw new MavenException(
          what + " is not XML: " + Text.bounded(String.valueOf(e.getMessage())), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
    }
  }

  /** The text of {@code parent}'s first child element named {@code name}, if there is one. */
  static java.util.Optional<String> childText(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().strip());
  }

  static java.util.Optional<Element> child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getTagName())) {
        return java.util.Optional.of(e);
      }
    }
    return java.util.Optional.empty();
  }

  private enum Quiet implements ErrorHandler {
    INSTANCE;

    @Override
    public void warning(SAXParseException e) {
      // Warnings do not make a document unusable, and must not reach the terminal.
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }
}
