package dev.freshjar.launcher.cli;

import dev.freshjar.launcher.output.Format;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

final class FormatConverter implements ITypeConverter<Format> {
  @Override
  public Format convert(String value) {
    try {
      return Format.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
