package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshjar.api.ModuleApi;
import dev.freshjar.api.Rule;
import dev.freshjar.api.RuleNames;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What freshjar checks when it loads this module, checked here so that the build fails first. */
class ModuleTest {
  private final List<Rule> rules =
      ServiceLoader.load(Rule.class).stream()
          .map(ServiceLoader.Provider::get)
          .collect(Collectors.toList());

  @Test
  void declaresItsRulesInItsServicesFile() {
    assertEquals(List.of("count-lines"), rules.stream().map(Rule::name).toList());
  }

  @Test
  void everyRuleHasANameUsersCanTypeAndASummary() {
    for (Rule rule : rules) {
      RuleNames.check(rule.name());
      assertFalse(rule.summary().isBlank(), rule.name() + " has no summary");
    }
  }

  @Test
  void theManifestNamesAnApiVersionThatFreshjarRuns() {
    String apiVersion = System.getProperty("freshjar.api.version");

    assertTrue(
        ModuleApi.canRun(apiVersion),
        "Freshjar-Api-Version " + apiVersion + " cannot run on module-api " + ModuleApi.VERSION);
  }
}
