package dev.freshjar.launcher.input;

import java.net.URI;

/**
 * URLs that carry a login, {@code https://user:password@host/...}: refused wherever freshjar takes
 * a URL. OkHttp sends no credentials from a URL, so such a login was never used; it only put the
 * password into warnings, errors, logs and the cache's records.
 */
public final class UrlLogin {
  private UrlLogin() {}

  /**
   * Refuses {@code url} if it has a user part; the message shows the URL without it.
   *
   * @throws IllegalArgumentException when it has one
   */
  public static void refuse(URI url) {
    String login = url.getRawUserInfo();
    if (login == null) {
      return;
    }
    throw new IllegalArgumentException(
        "the URL "
            + withoutLogin(url)
            + " carries a user name"
            + (login.indexOf(':') >= 0 ? " and password" : "")
            + ", which freshjar does not send and would show in its messages; give the URL"
            + " without it");
  }

  private static String withoutLogin(URI url) {
    StringBuilder text = new StringBuilder(url.getScheme()).append("://").append(url.getHost());
    if (url.getPort() >= 0) {
      text.append(':').append(url.getPort());
    }
    if (url.getRawPath() != null) {
      text.append(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      text.append('?').append(url.getRawQuery());
    }
    return text.toString();
  }
}
