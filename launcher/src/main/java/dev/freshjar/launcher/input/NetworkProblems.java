package dev.freshjar.launcher.input;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Why a download of an input failed, worded as the cache words a module's: {@code cannot reach host
 * 127.0.0.1 (connection refused)}, not OkHttp's {@code Failed to connect to /127.0.0.1:8799}.
 */
final class NetworkProblems {
  private NetworkProblems() {}

  static String describe(IOException e, URI url) {
    String host = url.getHost();
    if (e instanceof UnknownHostException) {
      return "unknown host " + host + "; check the URL";
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return "cannot reach host "
          + host
          + " ("
          + rootMessage(e)
          + "); check the URL and the server";
    }
    if (e instanceof InterruptedIOException) {
      return "no answer from host "
          + host
          + " in time; try again, or save the document and give"
          + " its path";
    }
    if (causedBy(e, EOFException.class)) {
      // OkHttp's own words here are "\\n not found: limit=... content=" and a hex dump.
      return "host "
          + host
          + " ended its answer before its headers did, or sent headers too large to read;"
          + " check the URL and the server";
    }
    if (e instanceof SSLException) {
      return "secure connection to " + host + " failed (" + rootMessage(e) + ")";
    }
    return rootMessage(e);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /** "connection refused" rather than "Failed to connect to host/addr:port". */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
