/**
 * The contract between freshjar and the modules it runs.
 *
 * <p>A module is a jar that contains one or more {@link dev.freshjar.api.Rule} implementations and
 * lists them in {@code META-INF/services/dev.freshjar.api.Rule}, one fully qualified class name per
 * line. Its manifest must carry:
 *
 * <ul>
 *   <li>{@code Implementation-Title} and {@code Implementation-Version}: what users see in {@code
 *       freshjar modules};
 *   <li>{@value dev.freshjar.api.ModuleApi#MANIFEST_ATTRIBUTE}: the version of this API the module
 *       was compiled against (see {@link dev.freshjar.api.ModuleApi}).
 * </ul>
 *
 * <p>Compile against this API with Maven scope {@code provided}: a module jar that bundles the
 * classes of this package is refused, because freshjar supplies them itself.
 *
 * <p>Each module version is loaded into a class loader of its own, which sees the JDK, this
 * package, and the module's own jar; nothing of the launcher. The loader is thrown away when a
 * newer version arrives, so rules must not start threads, register shutdown hooks, or keep state in
 * static fields. freshjar may call a rule from any thread, and several calls may run at once.
 */
package dev.freshjar.api;
