package dev.freshjar.cache;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs a module may be fetched from. Code from a module runs in this process, so it must not
 * come over a connection anyone on the path can rewrite: https and local files are allowed, plain
 * http only to this machine unless the module's configuration says otherwise.
 */
final class UrlPolicy {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private UrlPolicy() {}

  /** Checks the URL a refresh starts from. */
  static void check(ModuleSource source) throws RefreshFailure {
    URI url = source.url();
    String scheme = scheme(url);
    switch (scheme) {
      case "https", "file" -> {}
      case "http" -> checkPlainHttp(url, source);
      default ->
          throw new RefreshFailure(
              "cannot fetch "
                  + url
                  + ": the URL must start with https:, file:, or http: to this machine");
    }
    if (!scheme.equals("file") && (url.getHost() == null || url.getHost().isEmpty())) {
      throw new RefreshFailure("cannot fetch " + url + ": the URL names no host");
    }
  }

  /** Checks a redirect from {@code from} to {@code to}. */
  static void checkRedirect(URI from, URI to, ModuleSource source) throws RefreshFailure {
    String scheme = scheme(to);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefreshFailure("refused a redirect from " + from + " to " + to + ": not http(s)");
    }
    if (scheme(from).equals("https") && scheme.equals("http")) {
      throw new RefreshFailure(
          "refused a redirect from "
              + from
              + " to "
              + to
              + ": it would downgrade https to plain http; ask the module's author to fix the"
              + " redirect, or use the http URL directly");
    }
    if (scheme.equals("http")) {
      checkPlainHttp(to, source);
    }
  }

  private static void checkPlainHttp(URI url, ModuleSource source) throws RefreshFailure {
    if (!source.allowPlainHttp() && !isLoopback(url.getHost())) {
      throw new RefreshFailure(
          "plain http to a non-loopback host is not allowed: "
              + url
              + "; use https:, or allow plain http for module "
              + source.name()
              + " explicitly");
    }
  }

  /**
   * Whether {@code host} is this machine, judged from its name alone: resolving it would ask the
   * network (and a resolver can lie), so only "localhost" and loopback address literals count.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (IPV4.matcher(h).matches()) {
      String[] octets = h.split("\\.");
      for (String o : octets) {
        if (Integer.parseInt(o) > 255) {
          return false;
        }
      }
      return octets[0].equals("127");
    }
    if (!h.contains(":")) {
      return false;
    }
    try {
      // An IPv6 literal: getByName parses it without any lookup.
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String scheme(URI url) {
    return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
  }
}
