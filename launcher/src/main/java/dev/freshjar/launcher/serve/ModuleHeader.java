package dev.freshjar.launcher.serve;

import dev.freshjar.launcher.loading.LoadedModule;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Freshjar-Module} header: the name, version and full sha256 of the module version that
 * answered, {@code text 0.1.0/1997cced...}. A name or version comes from a configuration or a jar's
 * manifest, so any byte that is not printable ASCII is percent-encoded: a header cannot carry it;
 * and each is cut at {@link #MAX_PART} characters, marked {@code ...}: Jetty refuses to send a
 * header larger than its buffer, so a 20 000-character version would fail every answer of its
 * module. The sha256 still names the version exactly.
 */
final class ModuleHeader {
  static final String NAME = "Freshjar-Module";

  /** The most characters of a name or version, once encoded, that the header carries. */
  static final int MAX_PART = 200;

  private ModuleHeader() {}

  static String value(LoadedModule module) {
    String version = module.jar().version().isEmpty() ? "?" : module.jar().version();
    return encode(module.name()) + " " + encode(version) + "/" + module.jar().sha256();
  }

  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      String encoded = encode(text.codePointAt(i));
      if (out.length() + encoded.length() > MAX_PART) {
        // Whole characters only: a cut one would not decode.
        return out.append("...").toString();
      }
      out.append(encoded);
    }
    return out.toString();
  }

  private static String encode(int codePoint) {
    StringBuilder out = new StringBuilder();
    for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && c != '%' && c != '/') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
