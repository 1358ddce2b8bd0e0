package dev.freshjar.launcher.modules;

import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.NearMiss;
import java.util.List;

/**
 * No loaded module has a rule of the name a user typed (exit 2). Carries the names, so that the
 * command line can offer its built-in commands alongside the rules.
 */
public final class UnknownRule extends CommandFailure {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> rules;

  UnknownRule(String name, List<String> rules) {
    super(
        ExitStatus.USAGE,
        "unknown rule '"
            + name
            + "'"
            + NearMiss.hint(name, rules)
            + "; available rules: "
            + String.join(", ", rules)
            + " ('rules' lists them)");
    this.name = name;
    this.rules = List.copyOf(rules);
  }

  /** What the user typed. */
  public String name() {
    return name;
  }

  /** Every loaded rule's name, once each. */
  public List<String> rules() {
    return rules;
  }
}
