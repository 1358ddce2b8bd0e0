package dev.freshjar.launcher.modules;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Input;
import dev.freshjar.api.Parameter;
import dev.freshjar.api.Rule;
import dev.freshjar.api.Table;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ResourceLimits;
import dev.freshjar.launcher.loading.LoadedModule;
import dev.freshjar.launcher.output.Untrusted;
import java.io.IOException;
import java.util.List;

/** A rule together with the loaded module version that provides it. */
public final class ModuleRule {
  private final LoadedModule module;
  private final Rule rule;

  ModuleRule(LoadedModule module, Rule rule) {
    this.module = module;
    this.rule = rule;
  }

  public String name() {
    return rule.name();
  }

  /** {@code module:rule}, the name that always reaches this rule. */
  public String qualifiedName() {
    return module.name() + ":" + rule.name();
  }

  public String summary() {
    return rule.summary();
  }

  public List<Parameter> parameters() {
    return rule.parameters();
  }

  public LoadedModule module() {
    return module;
  }

  /**
   * Runs the rule with its own class loader as the thread's context class loader. Whatever the
   * module's code throws becomes a {@link CommandFailure} with exit status 1; the caller goes on.
   */
  public Table run(Input input, Arguments arguments) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(module.loader());
    try (RunningRules.Running running =
        RunningRules.enter(qualifiedName() + " (" + module.versionLabel() + ")")) {
      Table table = rule.apply(input, arguments);
      if (table == null) {
        throw CommandFailure.ruleFailed(qualifiedName() + " returned no result", null);
      }
      return table;
    } catch (IOException e) {
      throw CommandFailure.ruleFailed(
          qualifiedName()
              + " could not read "
              + input.name()
              + ": "
              + Untrusted.text(e.getMessage()),
          e);
    } catch (CommandFailure e) {
      throw e;
    } catch (StackOverflowError | OutOfMemoryError e) {
      // The rule's frames and objects are gone once it has thrown: there is room for the words.
      throw CommandFailure.ruleFailed(ResourceLimits.describe(qualifiedName(), e), e);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      throw CommandFailure.ruleFailed(
          qualifiedName()
              + " ("
              + module.versionLabel()
              + ") failed: "
              + e.getClass().getName()
              // The module's words: they must not add lines to freshjar's message.
              + (e.getMessage() == null ? "" : ": " + Untrusted.text(e.getMessage())),
          e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
