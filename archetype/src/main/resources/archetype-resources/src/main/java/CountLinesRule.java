package ${package};

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Column;
import dev.freshjar.api.Input;
import dev.freshjar.api.Parameter;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/** Counts the lines that contain a text: {@code freshjar count-lines --text TODO notes.txt}. */
public final class CountLinesRule implements Rule {
  @Override
  public String name() {
    return "count-lines";
  }

  @Override
  public String summary() {
    return "the number of lines that contain a text";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.text("text", "the text to look for", "TODO"));
  }

  @Override
  public Table apply(Input input, Arguments arguments) throws IOException {
    String text = arguments.text("text");
    long lines = 0;
    // Read once, front to back, and keep only the count: inputs may be larger than memory.
    try (BufferedReader reader = new BufferedReader(input.openReader())) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.contains(text)) {
          lines++;
        }
      }
    }
    return Table.builder(Column.text("text"), Column.integer("lines")).row(text, lines).build();
  }
}
