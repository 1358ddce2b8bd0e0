package dev.freshjar.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell examples of a Markdown file that are marked runnable: fenced blocks whose info string
 * is {@code sh runnable}. Each is a bash script to be pasted from the root of a clone.
 */
final class RunnableExamples {
  static final String OPENING = "```sh runnable";

  private RunnableExamples() {}

  /** One example: where it is, for the failure message, and its text. */
  record Example(Path file, int line, String script) {
    @Override
    public String toString() {
      return file.getFileName() + ":" + line;
    }
  }

  static List<Example> in(Path file) throws IOException {
    List<Example> examples = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals(OPENING)) {
        continue;
      }
      int start = i + 1;
      StringBuilder script = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        script.append(lines.get(i)).append('\n');
      }
      if (i == lines.size()) {
        throw new IllegalStateException(file + ":" + start + ": runnable example is not closed");
      }
      examples.add(new Example(file, start, script.toString()));
    }
    return examples;
  }
}
