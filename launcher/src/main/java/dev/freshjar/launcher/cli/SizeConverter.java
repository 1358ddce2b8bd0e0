package dev.freshjar.launcher.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size in bytes as users write it: {@code 500}, {@code 64k}, {@code 100m}, {@code 1g} (1024s).
 */
final class SizeConverter implements ITypeConverter<Long> {
  private static final Pattern FORM = Pattern.compile("(\\d+)([kmg]?)");

  @Override
  public Long convert(String value) {
    Matcher matcher = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a size; write bytes, or a number and k, m or g: 64k, 100m, 1g");
    }
    int shift =
        switch (matcher.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    try {
      long number = Long.parseLong(matcher.group(1));
      if (number > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is too large a size");
    }
  }
}
