package dev.freshjar.launcher.serve;

import dev.freshjar.launcher.loading.LoadedModule;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Freshjar-Module} header: the name, version and full sha256 of the module version that
 * answered, {@code text 0.1.0/1997cced...}. A name or version comes from a configuration or a jar's
 * manifest, so any byte that is not printable ASCII is percent-encoded: a header cannot carry it.
 */
final class ModuleHeader {
  static final String NAME = "Freshjar-Module";

  private ModuleHeader() {}

  static String value(LoadedModule module) {
    String version = module.jar().version().isEmpty() ? "?" : module.jar().version();
    return encode(module.name()) + " " + encode(version) + "/" + module.jar().sha256();
  }

  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
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
