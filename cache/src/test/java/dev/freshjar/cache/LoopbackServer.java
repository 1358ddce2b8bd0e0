package dev.freshjar.cache;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on 127.0.0.1 (WireMock, a free port) for a test class and all its nested
 * classes: started once, its stubs and requests reset before each test, stopped after the outermost
 * class. (WireMock's own JUnit extension stops the server after each nested class.) Register it
 * with {@code @RegisterExtension static final LoopbackServer server = new LoopbackServer();}.
 */
final class LoopbackServer extends WireMockServer
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  LoopbackServer() {
    this(options().bindAddress("127.0.0.1").dynamicPort());
  }

  private LoopbackServer(WireMockConfiguration options) {
    super(options);
  }

  /** One that also answers https, with WireMock's self-signed certificate, and never gzips. */
  static LoopbackServer withHttps() {
    return new LoopbackServer(
        options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort().gzipDisabled(true));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!isRunning()) {
      start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    resetAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // A nested class is a member class; the class that registered this is not.
    if (!context.getRequiredTestClass().isMemberClass()) {
      stop();
    }
  }
}
