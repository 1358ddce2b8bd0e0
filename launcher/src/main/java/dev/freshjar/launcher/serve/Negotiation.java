package dev.freshjar.launcher.serve;

import dev.freshjar.launcher.output.Format;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Which of the output formats a request's {@code Accept} header asks for; JSON by default. */
final class Negotiation {
  /** Each media type the server answers in, with its format, in order of preference. */
  private record Offer(String mediaType, Format format, String contentType) {}

  private static final List<Offer> OFFERS =
      List.of(
          new Offer("application/json", Format.JSON, "application/json"),
          new Offer(
              "text/tab-separated-values", Format.TSV, "text/tab-separated-values;charset=utf-8"),
          new Offer("text/plain", Format.TEXT, "text/plain;charset=utf-8"));

  private Negotiation() {}

  /**
   * The format to answer {@code request} in.
   *
   * @throws HttpError 406 when it accepts none of them
   */
  static Format format(Request request) {
    List<String> accepted = request.getHeaders().getQualityCSV(HttpHeader.ACCEPT);
    // Jetty leaves out the types given q=0: an empty list is "none at all" only without a header.
    if (accepted.isEmpty() && !request.getHeaders().contains(HttpHeader.ACCEPT)) {
      return Format.JSON;
    }
    for (String value : accepted) {
      String type = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (type.equals("*/*") || type.equals("application/*")) {
        return Format.JSON;
      }
      if (type.equals("text/*")) {
        return Format.TEXT;
      }
      for (Offer offer : OFFERS) {
        if (offer.mediaType().equals(type)) {
          return offer.format();
        }
      }
    }
    throw new HttpError(
        406,
        "cannot answer in any type the Accept header names; ask for "
            + String.join(", ", OFFERS.stream().map(Offer::mediaType).toList()));
  }

  /** The Content-Type of an answer in {@code format}. */
  static String contentType(Format format) {
    return OFFERS.stream()
        .filter(offer -> offer.format() == format)
        .findFirst()
        .orElseThrow()
        .contentType();
  }
}
