package dev.freshjar.launcher.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.freshjar.api.Column;
import dev.freshjar.api.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** An array of row objects keyed by column name, numbers as JSON numbers. */
final class JsonWriter {
  private JsonWriter() {}

  static void write(Table table, Writer out) throws IOException {
    List<Column> columns = table.columns();
    JsonGenerator json =
        new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartArray();
    try (TableRows rows = TableRows.of(table)) {
      for (List<Object> row = rows.next(); row != null; row = rows.next()) {
        writeRow(columns, row, json);
      }
    }
    json.writeEndArray();
    json.flush();
    out.write('\n');
  }

  private static void writeRow(List<Column> columns, List<Object> row, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      json.writeFieldName(columns.get(i).name());
      Object value = row.get(i);
      if (value instanceof Long number) {
        json.writeNumber(number);
      } else {
        json.writeString(value.toString());
      }
    }
    json.writeEndObject();
  }
}
