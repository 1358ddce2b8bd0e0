package dev.freshjar.launcher.serve;

import static dev.freshjar.launcher.serve.ServeChecks.assertError;
import static dev.freshjar.launcher.serve.ServeChecks.freshjar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freshjar.launcher.fixtures.ServeProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Content negotiation (RFC 9110 12.5.1): the answer is in the format the client prefers most among
 * those it did not exclude; the server's own order (JSON, text, TSV) breaks ties.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeAcceptIT {
  static final String JSON = "application/json";
  static final String TEXT = "text/plain;charset=utf-8";
  static final String TSV = "text/tab-separated-values;charset=utf-8";

  ServeProcess serve;

  @BeforeAll
  void start(@TempDir Path cache) {
    serve = ServeProcess.start(freshjar(cache));
  }

  @AfterAll
  void stop() {
    serve.close();
  }

  @ParameterizedTest(name = "Accept: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "*/*                                                 | application/json",
        "*/*, application/json;q=0                           | text/plain;charset=utf-8",
        "application/json;q=0, */*                           | text/plain;charset=utf-8",
        "*/*, application/json;q=0, text/plain;q=0           | text/tab-separated-values;charset=utf-8",
        "text/*                                              | text/plain;charset=utf-8",
        "text/*, text/plain;q=0                              | text/tab-separated-values;charset=utf-8",
        "application/*;q=0, text/plain;q=0, */*;q=0.1        | text/tab-separated-values;charset=utf-8",
        "*/*;q=0.9, application/json;q=0.5                   | text/plain;charset=utf-8",
        "Application/JSON; charset=utf-8                     | application/json",
        "TEXT/Tab-Separated-Values                           | text/tab-separated-values;charset=utf-8",
        "application/json;Q=0, */*                           | text/plain;charset=utf-8",
        "text/plain;q=0.5, text/tab-separated-values         | text/tab-separated-values;charset=utf-8",
        "*/*, text/tab-separated-values                      | text/tab-separated-values;charset=utf-8",
        "text/*;q=0.8, text/tab-separated-values;q=0.9, */*;q=0.1 | text/tab-separated-values;charset=utf-8",
        "application/json, text/plain                        | application/json",
        "text/plain, application/json                        | text/plain;charset=utf-8",
        "application/json;q=0                                | 406",
        "*/*;q=0                                             | 406",
        "image/png, */*;q=0                                  | 406",
        "text/*, text/plain;q=0, text/tab-separated-values;q=0 | 406",
      })
  void theAnswerIsTheMostPreferredFormatNotExcluded(String accept, String expected) {
    HttpResponse<String> answer = serve.post("/rules/wc", "a b".getBytes(), "Accept", accept);

    if (expected.equals("406")) {
      assertError(answer, 406, "ask for application/json, text/plain, text/tab-separated-values");
    } else {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue(expected);
    }
  }

  @ParameterizedTest(name = "Accept: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {"\"text/plain", "text/plain;q=\"1"})
  void anAcceptHeaderThatCannotBeParsedIs400(String accept) throws IOException {
    HttpResponse<String> answer = serve.post("/rules/wc", "a b".getBytes(), "Accept", accept);

    assertError(answer, 400, "cannot read the Accept header");
  }
}
