package dev.freshjar.launcher.cli;

import dev.freshjar.api.ModuleApi;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = FreshjarCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "freshjar " + (version == null ? "(development build)" : version),
      "module-api " + ModuleApi.VERSION
    };
  }
}
