package dev.freshjar.launcher.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.freshjar.launcher.fixtures.Freshjar;
import dev.freshjar.launcher.fixtures.Freshjar.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A URL that carries a login ({@code http://user:password@host/...}) is refused where it is given,
 * and its password is never printed: freshjar does not log in with it (OkHttp sends no credentials
 * from a URL), so such a URL only ever put the password into warnings, errors, cron mail and the
 * cache's records.
 */
class LoginInUrlIT {
  static final String PASSWORD = "hunter2-s3cret";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  Freshjar freshjar;

  @BeforeEach
  void setUp() {
    freshjar = Freshjar.withCache(dir.resolve("cache")).timeout(Duration.ofSeconds(60));
  }

  String withLogin(String path) {
    return "http://bob:" + PASSWORD + "@127.0.0.1:" + server.getPort() + path;
  }

  @Test
  void aModuleFlagWithALoginIsRefusedWithoutShowingThePassword() {
    Result run = freshjar.run("--module", "acme=" + withLogin("/acme.jar"), "rules");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr())
        .contains("--module acme: ")
        .contains("carries a user name and password")
        .contains("http://...@127.0.0.1:" + server.getPort() + "/acme.jar")
        .doesNotContain(PASSWORD);
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aConfiguredModuleWithALoginIsRefusedWithoutShowingThePassword() throws IOException {
    Path config = dir.resolve("modules.conf");
    Files.writeString(config, "[module acme]\nurl = " + withLogin("/acme.jar") + "\n");

    Result run = freshjar.run("--config", config.toString(), "rules");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.stderr()).contains("carries a user name and password").doesNotContain(PASSWORD);
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void anInputUrlWithALoginIsRefusedWithoutShowingThePassword() {
    Result run = freshjar.run("wc", withLogin("/report.txt"));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("carries a user name and password")
        .contains("http://...@127.0.0.1:" + server.getPort() + "/report.txt")
        .doesNotContain(PASSWORD);
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://bob:" + PASSWORD + " pw@example.org/acme.jar",
        "ftp://bob:" + PASSWORD + "@example.org/acme.jar",
        "https://bob:" + PASSWORD + "@/acme.jar"
      })
  void aUrlThatIsWrongInAnotherWayToo(String url) throws IOException {
    Path config = dir.resolve("modules.conf");
    Files.writeString(config, "[module acme]\nurl = " + url + "\n");

    Result flag = freshjar.run("--module", "acme=" + url, "rules");
    Result file = freshjar.run("--config", config.toString(), "rules");
    Result input = freshjar.run("wc", url);

    for (Result run : java.util.List.of(flag, file, input)) {
      assertThat(run.exitCode()).as(run.toString()).isNotZero();
      assertThat(run.stderr()).as(run.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aUserNameAloneIsRefusedToo() {
    Result run = freshjar.run("wc", "http://bob@127.0.0.1:" + server.getPort() + "/report.txt");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr()).contains("carries a user name");
  }

  @Test
  void theShellRefusesItAndGoesOn() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "one two\n");

    Result run =
        freshjar.stdin("wc " + withLogin("/report.txt") + "\nwc " + notes + "\n").run("shell");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("error: line 1:")
        .contains("carries a user name and password")
        .doesNotContain(PASSWORD);
    assertThat(run.stdout()).contains("words").contains("2");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
