package dev.freshjar.launcher;

import dev.freshjar.launcher.modules.RunningRules;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Tells an end of the process that freshjar did not start from one that it did. A module's code
 * that calls {@code System.exit} (which a rule must never do) would otherwise end freshjar with the
 * module's status, often 0, and no word, and a piped shell's later commands would silently never
 * run. A shutdown hook sees that freshjar did not start the exit, finds the thread inside {@code
 * Runtime.exit}, names the rule it was running, and ends the process with status 1.
 *
 * <p>What cannot be caught: {@code Runtime.halt} ends the JVM without running any hook, so a module
 * that halts ends freshjar with its own status; nothing inside the process can see it. An exit by a
 * signal (Ctrl-C, {@code kill}) is no module's doing and keeps its usual status.
 */
public final class ExitGuard {
  private static volatile boolean exiting;

  private ExitGuard() {}

  /** Watches every exit from now on; reports a foreign one on {@code err}. */
  public static void install(PrintStream err) {
    Runtime.getRuntime().addShutdownHook(new Hook(err));
  }

  // A class, not a lambda: this runs before anything else, and the first lambda of a process
  // costs milliseconds of method-handle set-up that the class-data archive does not hold here.
  private static final class Hook extends Thread {
    private final PrintStream err;

    Hook(PrintStream err) {
      super("freshjar-exit-guard");
      this.err = err;
    }

    @Override
    public void run() {
      check(err);
    }
  }

  /**
   * Loads the guard's classes without installing it: the class-data training (which installs no
   * guard) calls this so that they are archived, and a run does not open the launcher's jar for
   * them.
   */
  static void loadClasses() {
    Hook.class.getName();
  }

  /** Ends the process with {@code status}, as freshjar's own decision. */
  public static void exit(int status) {
    exiting = true;
    System.exit(status);
  }

  private static void check(PrintStream err) {
    if (exiting) {
      return;
    }
    Optional<String> caller = exitCaller();
    if (caller.isEmpty()) {
      return; // a signal, or the last thread ended: nothing foreign to report
    }
    err.println(
        "freshjar: "
            + caller.get()
            + " called System.exit, which ends the whole process; a rule must return its"
            + " result instead. freshjar stops here with exit 1 (in a shell, the commands after"
            + " this one did not run).");
    err.flush();
    // The only way to give a status other than the one being exited with; the hooks after this
    // one (none of freshjar's) do not run.
    Runtime.getRuntime().halt(ExitStatus.RULE_FAILED.code());
  }

  /** The rule (or else the class) whose thread is inside {@code Runtime.exit}, if any. */
  private static Optional<String> exitCaller() {
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      StackTraceElement[] frames = entry.getValue();
      for (int i = 0; i < frames.length; i++) {
        if (isExit(frames[i])) {
          Optional<String> rule = RunningRules.on(entry.getKey()).map(name -> "rule " + name);
          return Optional.of(rule.isPresent() ? rule.get() : callerOf(frames, i));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isExit(StackTraceElement frame) {
    return frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit");
  }

  /** The first frame past System.exit, with its class loader's name (a module's, if one). */
  private static String callerOf(StackTraceElement[] frames, int exitFrame) {
    for (int i = exitFrame + 1; i < frames.length; i++) {
      StackTraceElement frame = frames[i];
      if (!frame.getClassName().equals("java.lang.System")) {
        String loader = frame.getClassLoaderName();
        return (loader == null ? "" : loader + " ")
            + frame.getClassName()
            + "."
            + frame.getMethodName()
            + RunningRules.any().map(rule -> ", while rule " + rule + " ran,").orElse("");
      }
    }
    return "code in thread " + Thread.currentThread().getName();
  }
}
