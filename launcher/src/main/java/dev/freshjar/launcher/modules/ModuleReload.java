package dev.freshjar.launcher.modules;

import dev.freshjar.cache.Cause;
import java.util.Optional;

/** What one reload did to one module, as the shell's {@code update} reports it. */
public sealed interface ModuleReload {
  /** The module's name. */
  String module();

  /**
   * One line for the user, e.g. {@code text: updated from 1.0/3f2a9c1b7d4e to 1.1/9e0d...}: see
   * {@link OutcomeText}.
   */
  default String describe() {
    return OutcomeText.ofReload(this);
  }

  /** Which of the four things happened, as a type. */
  State state();

  /** What a reload did to a module, for what compares or serialises it rather than words it. */
  enum State {
    /** {@link Unchanged}. */
    UNCHANGED,
    /** {@link Updated}. */
    UPDATED,
    /** {@link Failed}. */
    FAILED,
    /** {@link Unavailable}. */
    UNAVAILABLE
  }

  /** Whether a different version of the module now serves. */
  default boolean changed() {
    return false;
  }

  /**
   * What a failure is, for telling whether it was already announced: its state, typed cause and the
   * version left running, not its words, which carry what a server said and may vary from one check
   * to the next. Empty for an outcome that is no failure.
   */
  default Optional<Failure> failure() {
    if (this instanceof Failed f) {
      return Optional.of(new Failure(State.FAILED, f.cause(), f.stillRunning()));
    }
    if (this instanceof Unavailable u) {
      return Optional.of(new Failure(State.UNAVAILABLE, u.cause(), ""));
    }
    return Optional.empty();
  }

  /**
   * The identity of a failure: see {@link #failure()}.
   *
   * @param state failed or unavailable
   * @param cause why the module's source or jar was not used
   * @param stillRunning the version that runs meanwhile, or empty
   */
  record Failure(State state, Cause cause, String stillRunning) {}

  /** The module keeps running the version it ran, which is still the newest. */
  record Unchanged(String module, String running) implements ModuleReload {
    @Override
    public State state() {
      return State.UNCHANGED;
    }
  }

  /**
   * A new version now serves.
   *
   * @param from the version that served before, if one did
   * @param note why the source was not used, when the new version came from the cache only
   */
  record Updated(String module, Optional<String> from, String to, Optional<String> note)
      implements ModuleReload {
    @Override
    public State state() {
      return State.UPDATED;
    }

    @Override
    public boolean changed() {
      return true;
    }
  }

  /** The newest version could not be had or could not be loaded; the old one keeps serving. */
  record Failed(String module, String reason, Cause cause, String stillRunning)
      implements ModuleReload {
    @Override
    public State state() {
      return State.FAILED;
    }
  }

  /** There is no version of the module to run. */
  record Unavailable(String module, String reason, Cause cause) implements ModuleReload {
    @Override
    public State state() {
      return State.UNAVAILABLE;
    }
  }
}
