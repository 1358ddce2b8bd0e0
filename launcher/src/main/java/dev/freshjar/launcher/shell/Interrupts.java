package dev.freshjar.launcher.shell;

/**
 * Ctrl-C while a command runs: interrupts the session's thread, which is then waiting for the
 * command (a rule's call, an update's checks) and stops it. Ctrl-C between commands does nothing
 * here, and no interrupt outlives the command it was meant for.
 */
final class Interrupts {
  private final Thread sessionThread;
  private boolean commandRunning;

  Interrupts(Thread sessionThread) {
    this.sessionThread = sessionThread;
  }

  synchronized void commandStarted() {
    commandRunning = true;
  }

  /** Ends the command's window; clears an interrupt that arrived too late to stop anything. */
  synchronized void commandEnded() {
    commandRunning = false;
    Thread.interrupted();
  }

  /** Called on the signal's thread. */
  synchronized void interrupt() {
    if (commandRunning) {
      sessionThread.interrupt();
    }
  }
}
