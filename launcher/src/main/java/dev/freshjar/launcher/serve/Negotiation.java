package dev.freshjar.launcher.serve;

import dev.freshjar.launcher.output.Format;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.server.Request;

/**
 * Which of the output formats a request's {@code Accept} header asks for (RFC 9110 12.5.1); JSON
 * without one. Each format takes the weight of the most specific media range that names it, so
 * {@code q=0} excludes it even under a {@code *}/{@code *}; the highest weight wins, then the range
 * the client ranks first (more specific, then earlier), then the server's own order.
 */
final class Negotiation {
  /** Each media type the server answers in, with its format. */
  private record Offer(String mediaType, Format format, String contentType) {}

  // The server's order of preference, which breaks ties: JSON, then the text table for text/*.
  private static final List<Offer> OFFERS =
      List.of(
          new Offer("application/json", Format.JSON, "application/json"),
          new Offer("text/plain", Format.TEXT, "text/plain;charset=utf-8"),
          new Offer(
              "text/tab-separated-values", Format.TSV, "text/tab-separated-values;charset=utf-8"));

  /** How an offer stands with the client: its weight and where its range ranks in the header. */
  private record Standing(Offer offer, double weight, int rank) {}

  private Negotiation() {}

  /**
   * The format to answer {@code request} in.
   *
   * @throws HttpError 400 when the header cannot be parsed, 406 when it accepts none of them
   */
  static Format format(Request request) {
    List<String> fields = request.getHeaders().getValuesList(HttpHeader.ACCEPT);
    if (fields.isEmpty()) {
      return Format.JSON;
    }
    // Jetty's list keeps the q=0 ranges (its getQualityCSV drops them) and ranks the rest by
    // weight, then specificity, then order.
    List<QuotedQualityCSV.QualityValue> ranges = parse(fields);
    return OFFERS.stream()
        .flatMap(offer -> standing(offer, ranges).stream())
        .filter(standing -> standing.weight() > 0)
        .min(
            Comparator.comparingDouble(Standing::weight)
                .reversed()
                .thenComparingInt(Standing::rank)
                .thenComparingInt(standing -> OFFERS.indexOf(standing.offer())))
        .map(standing -> standing.offer().format())
        .orElseThrow(
            () ->
                new HttpError(
                    406,
                    "cannot answer in any type the Accept header accepts; ask for "
                        + String.join(", ", OFFERS.stream().map(Offer::mediaType).toList())));
  }

  /** The Content-Type of an answer in {@code format}. */
  static String contentType(Format format) {
    return OFFERS.stream()
        .filter(offer -> offer.format() == format)
        .findFirst()
        .orElseThrow()
        .contentType();
  }

  private static List<QuotedQualityCSV.QualityValue> parse(List<String> fields) {
    QuotedQualityCSV values = new CaseInsensitiveWeight();
    try {
      fields.forEach(values::addValue);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "cannot read the Accept header: " + e.getMessage());
    }
    return values.getQualityValues();
  }

  /** The most specific range naming {@code offer}, the first in rank among equally specific. */
  private static Optional<Standing> standing(
      Offer offer, List<QuotedQualityCSV.QualityValue> ranges) {
    Standing best = null;
    int bestSpecificity = -1;
    for (int rank = 0; rank < ranges.size(); rank++) {
      int specificity = specificity(ranges.get(rank).getValue(), offer.mediaType());
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        best = new Standing(offer, ranges.get(rank).getWeight(), rank);
      }
    }
    return Optional.ofNullable(best);
  }

  /** 2 when {@code range} is {@code type} itself, 1 for its {@code TYPE/*}, 0 for any; else -1. */
  private static int specificity(String range, String type) {
    String name = HttpField.stripParameters(range).strip().toLowerCase(Locale.ROOT);
    if (name.equals(type)) {
      return 2;
    }
    if (name.equals(type.substring(0, type.indexOf('/') + 1) + "*")) {
      return 1;
    }
    return name.equals("*/*") ? 0 : -1;
  }

  /** Jetty's parser, but reading the weight's {@code Q=} as {@code q=}: names are case-blind. */
  private static final class CaseInsensitiveWeight extends QuotedQualityCSV {
    CaseInsensitiveWeight() {
      super(QuotedQualityCSV.MOST_SPECIFIC_MIME_ORDERING);
    }

    @Override
    protected void parsedParam(
        StringBuilder buffer, int valueLength, int paramName, int paramValue) {
      if (paramName >= 0
          && paramValue > paramName + 1
          && buffer.charAt(paramName) == 'Q'
          && buffer.charAt(paramName + 1) == '=') {
        buffer.setCharAt(paramName, 'q');
      }
      super.parsedParam(buffer, valueLength, paramName, paramValue);
    }
  }
}
