package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountLinesRuleTest {
  private final CountLinesRule rule = new CountLinesRule();

  private Table run(String text, Map<String, String> arguments) throws Exception {
    Input input = Input.ofBytes("notes.txt", text.getBytes(StandardCharsets.UTF_8));
    return rule.apply(input, Arguments.of(arguments));
  }

  @Test
  void countsTheLinesThatContainTheText() throws Exception {
    Table table = run("TODO: a\ndone\nalso TODO\n", Map.of("text", "TODO"));

    assertEquals(List.of(List.of("TODO", 2L)), table.rows());
  }

  @Test
  void countsALastLineWithoutANewline() throws Exception {
    Table table = run("FIXME\nFIXME", Map.of("text", "FIXME"));

    assertEquals(List.of(List.of("FIXME", 2L)), table.rows());
  }

  @Test
  void findsNothingInAnEmptyInput() throws Exception {
    Table table = run("", Map.of("text", "TODO"));

    assertEquals(List.of(List.of("TODO", 0L)), table.rows());
  }
}
