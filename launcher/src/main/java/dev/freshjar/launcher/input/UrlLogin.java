package dev.freshjar.launcher.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs that carry a login, {@code https://user:password@host/...}: refused wherever freshjar takes
 * a URL, before the URL is parsed (a parser's complaint would quote it whole). OkHttp sends no
 * credentials from a URL, so such a login was never used; it only put the password into warnings,
 * errors, logs and the cache's records.
 */
public final class UrlLogin {
  // "scheme://" (group 1), then the login (group 2) up to the last '@' before the path.
  private static final Pattern LOGIN = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)@");

  private UrlLogin() {}

  /** Whether {@code text} is a URL with a user name (and maybe a password) in it. */
  public static boolean carries(String text) {
    return LOGIN.matcher(text).lookingAt();
  }

  /** {@code text} with its login, if any, shown as {@code ...}. */
  public static String hidden(String text) {
    Matcher login = LOGIN.matcher(text);
    return login.lookingAt() ? hidden(text, login) : text;
  }

  private static String hidden(String text, Matcher login) {
    return login.group(1) + "...@" + text.substring(login.end());
  }

  /**
   * Refuses {@code text} if it is a URL with a login; the message does not show the login.
   *
   * @throws IllegalArgumentException when it has one
   */
  public static void refuse(String text) {
    Matcher login = LOGIN.matcher(text);
    if (login.lookingAt()) {
      throw new IllegalArgumentException(
          "the URL "
              + hidden(text, login)
              + " carries a user name"
              + (login.group(2).indexOf(':') >= 0 ? " and password" : "")
              + ", which freshjar does not send and would show in its messages; give the URL"
              + " without it");
    }
  }
}
