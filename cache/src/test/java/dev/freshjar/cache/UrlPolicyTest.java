package dev.freshjar.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {
  static ModuleSource source(String url, boolean allowPlainHttp) {
    return new ModuleSource("mod", URI.create(url), allowPlainHttp, Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "::1"})
  void loopbackHostsAreRecognizedByNameAlone(String host) {
    assertTrue(UrlPolicy.isLoopback(host));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.org",
        "localhost.example.org",
        "128.0.0.1",
        "127.0.0.256",
        "10.0.0.1",
        "[fe80::1]",
        ""
      })
  void otherHostsAreNotLoopback(String host) {
    assertFalse(UrlPolicy.isLoopback(host));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/m.jar",
        "file:/tmp/m.jar",
        "http://localhost:8080/m.jar",
        "http://127.0.0.1/m.jar"
      })
  void allowsHttpsFilesAndPlainHttpToThisMachine(String url) throws RefreshFailure {
    UrlPolicy.check(source(url, false));
  }

  @Test
  void allowsPlainHttpAnywhereWhenTheSourceSaysSo() throws RefreshFailure {
    UrlPolicy.check(source("http://example.org/m.jar", true));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "https://a.org/m.jar, http://a.org/m.jar, downgrade https to plain http",
    "https://a.org/m.jar, http://localhost/m.jar, downgrade https to plain http",
    "http://localhost/m.jar, http://a.org/m.jar, plain http to a non-loopback host",
  })
  void refusesRedirectsThatWeakenTheConnection(String from, String to, String why) {
    RefreshFailure e =
        assertThrows(
            RefreshFailure.class,
            () -> UrlPolicy.checkRedirect(URI.create(from), URI.create(to), source(from, false)));
    assertTrue(e.reason().contains(why), e.reason());
  }

  @Test
  void allowsRedirectsFromPlainHttpToHttps() throws RefreshFailure {
    UrlPolicy.checkRedirect(
        URI.create("http://localhost/m.jar"),
        URI.create("https://a.org/m.jar"),
        source("http://localhost/m.jar", false));
  }

  @Test
  void refusesAnHttpsUrlWithoutHost() {
    RefreshFailure e =
        assertThrows(RefreshFailure.class, () -> UrlPolicy.check(source("https:/m.jar", false)));
    assertEquals("cannot fetch https:/m.jar: the URL names no host", e.reason());
  }
}
