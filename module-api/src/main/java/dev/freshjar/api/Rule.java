package dev.freshjar.api;

import java.io.IOException;
import java.util.List;

/**
 * One named analysis that reads an {@link Input} and returns a {@link Table}.
 *
 * <p>freshjar finds rules with {@link java.util.ServiceLoader}: list each implementing class in
 * {@code META-INF/services/dev.freshjar.api.Rule}. The class needs a public no-argument
 * constructor. freshjar creates one instance per loaded module version and may call {@link #apply}
 * from several threads at once, so keep per-call state in local variables.
 *
 * <p>A rule never prints: it returns columns and rows, and freshjar formats them as a text table,
 * TSV or JSON as the user asked. It must stream its input: read it once, front to back, and keep
 * only what the result needs, never the whole document.
 *
 * <p>A rule has no effect but its result. freshjar may start a rule on the cached version of its
 * module while it checks for a newer one, and throw that result away (the input then fails with an
 * {@link IOException} at its next read) to run the newer version instead.
 *
 * <p>Users call a rule by its {@link #name()}, or as {@code module:name} when two modules provide
 * rules of the same name.
 */
public interface Rule {

  /**
   * The name users type, such as {@code top}: lower-case ASCII letters, digits and {@code -},
   * starting with a letter.
   *
   * @return the rule's name, constant for the life of the instance
   */
  String name();

  /**
   * One line that tells a user what the rule computes, shown by {@code freshjar rules}.
   *
   * @return a short sentence without a trailing newline
   */
  String summary();

  /**
   * The options the rule accepts, in the order the interactive shell takes them positionally.
   * freshjar parses and checks the user's values against these declarations, fills in defaults, and
   * hands the result to {@link #apply}.
   *
   * @return the declared parameters; empty by default
   */
  default List<Parameter> parameters() {
    return List.of();
  }

  /**
   * Runs the rule on one input.
   *
   * @param input the document to analyse; open it once with {@link Input#openStream()} or {@link
   *     Input#openReader()} and close what you open
   * @param arguments a value for every declared {@link #parameters() parameter}
   * @return the result, whose values are {@link String}s and {@link Long}s only
   * @throws IOException when the input cannot be read; the user sees its message
   */
  Table apply(Input input, Arguments arguments) throws IOException;
}
