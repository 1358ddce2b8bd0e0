package dev.freshjar.launcher.modules;

import dev.freshjar.launcher.loading.LoadedModule;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The module versions whose loaders were closed, held weakly until the collector unloads them, and
 * searched for threads that keep them alive. Each version is named at most once: after that it is
 * forgotten, whatever its threads do.
 */
final class RetiredVersions {
  private record Retired(String module, String version, WeakReference<ClassLoader> loader) {}

  private final List<Retired> retired = new ArrayList<>();

  synchronized void add(LoadedModule module) {
    retired.add(
        new Retired(module.name(), module.versionLabel(), new WeakReference<>(module.loader())));
  }

  /** The retired versions that live threads still use, each reported once. */
  synchronized List<LingeringThreads> findLingering() {
    retired.removeIf(r -> r.loader().get() == null);
    if (retired.isEmpty()) {
      return List.of();
    }
    List<Thread> threads = liveThreads();
    List<LingeringThreads> found = new ArrayList<>();
    for (Iterator<Retired> it = retired.iterator(); it.hasNext(); ) {
      Retired version = it.next();
      ClassLoader loader = version.loader().get();
      List<String> names = new ArrayList<>();
      for (Thread thread : threads) {
        if (loader != null
            && (thread.getContextClassLoader() == loader
                || thread.getClass().getClassLoader() == loader)) {
          names.add(thread.getName());
        }
      }
      if (!names.isEmpty()) {
        found.add(new LingeringThreads(version.module(), version.version(), names));
        it.remove();
      }
    }
    return found;
  }

  // ThreadGroup.enumerate rather than Thread.getAllStackTraces: no stack is walked.
  private static List<Thread> liveThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() * 2 + 16];
    int count = root.enumerate(threads, true);
    List<Thread> live = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (threads[i].isAlive()) {
        live.add(threads[i]);
      }
    }
    return live;
  }
}
