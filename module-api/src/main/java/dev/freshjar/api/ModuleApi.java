package dev.freshjar.api;

/**
 * The version of this contract, and the rule that decides whether a module built against one
 * version can run on another.
 *
 * <p>A module states the API version it was compiled against in its manifest, under {@value
 * #MANIFEST_ATTRIBUTE}, as {@code MAJOR.MINOR}. freshjar runs a module when the major versions are
 * equal and the module's minor version is not newer than the running API's: a minor release only
 * adds, a major release may remove or change. Any other module is refused with a message that names
 * both versions.
 *
 * <p>With Maven, the simplest way to write the attribute is in the jar plugin's configuration:
 *
 * <pre>{@code
 * <manifestEntries>
 *   <Freshjar-Api-Version>1.0</Freshjar-Api-Version>
 * </manifestEntries>
 * }</pre>
 */
public final class ModuleApi {
  /** Major version of this API: changes when something is removed or changes meaning. */
  public static final int MAJOR = 1;

  /** Minor version of this API: changes when something is added. */
  public static final int MINOR = 1;

  /** {@code MAJOR.MINOR}, the form the manifest attribute takes. */
  public static final String VERSION = MAJOR + "." + MINOR;

  /** The manifest attribute in which a module names the API version it was built against. */
  public static final String MANIFEST_ATTRIBUTE = "Freshjar-Api-Version";

  /** The package of this API; a module jar must not contain classes in it. */
  public static final String PACKAGE = "dev.freshjar.api";

  private ModuleApi() {}

  /**
   * Whether a module built against {@code builtAgainst} (a {@code MAJOR.MINOR} string) can run on
   * this API.
   *
   * @param builtAgainst the value of the module's {@value #MANIFEST_ATTRIBUTE} attribute
   * @return true when the major versions match and the module's minor version is not newer
   */
  public static boolean canRun(String builtAgainst) {
    if (builtAgainst == null) {
      return false;
    }
    String[] parts = builtAgainst.trim().split("\\.");
    if (parts.length != 2) {
      return false;
    }
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = Integer.parseInt(parts[1]);
      return major == MAJOR && minor >= 0 && minor <= MINOR;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
