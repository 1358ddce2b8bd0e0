package dev.freshjar.launcher.cli;

import dev.freshjar.api.ModuleApi;

/** What {@code freshjar --version} prints. */
final class Version {
  private Version() {}

  static String[] lines() {
    String version = FreshjarCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "freshjar " + (version == null ? "(development build)" : version),
      "module-api " + ModuleApi.VERSION
    };
  }
}
