package dev.freshjar.launcher.serve;

import dev.freshjar.api.Arguments;
import dev.freshjar.api.Parameter;
import dev.freshjar.api.Table;
import dev.freshjar.cache.Durations;
import dev.freshjar.launcher.CommandFailure;
import dev.freshjar.launcher.ExitStatus;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleRule;
import dev.freshjar.launcher.modules.RuleCall;
import dev.freshjar.launcher.modules.RuleLine;
import dev.freshjar.launcher.output.Format;
import dev.freshjar.launcher.output.Untrusted;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * {@code POST /rules/RULE?NAME=VALUE}: the request's body is the rule's input, streamed to it; the
 * query parameters are its values, checked as the command line's are ({@link RuleLine}); the answer
 * is its table in the negotiated format, byte for byte what the one-shot command prints. The rule
 * runs as a {@link RuleCall}, cancelled when it outlasts the per-request limit, on the module
 * versions published when the request arrived, whatever reloads happen meanwhile.
 */
final class RuleEndpoint {
  // How long a cancelled rule gets to stop before its thread is abandoned.
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

  private final ServedModules modules;
  private final long maxBody;
  private final Duration limit;
  private final Duration idleTimeout;
  private final PrintStream err;

  RuleEndpoint(
      ServedModules modules, long maxBody, Duration limit, Duration idleTimeout, PrintStream err) {
    this.modules = modules;
    this.maxBody = maxBody;
    this.limit = limit;
    this.idleTimeout = idleTimeout;
    this.err = err;
  }

  void handle(String name, Request request, Response response) throws IOException {
    InputStream unread = Request.asInputStream(request);
    long length = request.getLength();
    LiveModules.Lease lease = null;
    RequestBody body = null;
    boolean abandoned = false;
    try {
      Format format = Negotiation.format(request);
      if (length > maxBody) {
        throw tooLarge();
      }
      Charset charset = charset(request);
      refuseEncoded(request);
      lease = modules.acquire();
      ModuleRule rule = resolve(lease, name);
      Arguments arguments = arguments(rule, query(request));
      body = new RequestBody(unread, maxBody, length);
      // Jetty's idle timeout fails a read that waits too long for the client's bytes; a rule
      // that computes without reading is bounded by the per-request limit instead.
      RuleCall call =
          RuleCall.start(
              rule.qualifiedName(), body.asInput(charset), in -> rule.run(in, arguments));
      Table table;
      try {
        table = await(call, rule, body);
      } catch (Abandoned e) {
        // Its module version must stay open while it still runs: the lease goes when it returns.
        call.whenDone(lease::close);
        abandoned = true;
        throw e.error;
      }
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, Negotiation.contentType(format));
      response.getHeaders().put(ModuleHeader.NAME, ModuleHeader.value(rule.module()));
      boolean unfinished = length != 0 && !body.finished();
      if (unfinished) {
        // The rule did not read it all: the rest cannot be skipped on a kept-alive connection.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      write(table, format, response);
      if (unfinished) {
        // The answer is out; the connection closes once this returns, so not on unread bytes.
        UnreadBody.discard(unread, length, idleTimeout);
      }
    } catch (HttpError e) {
      // An abandoned rule may still read the body: it is not this thread's to drain. A client
      // waiting for 100 Continue has sent nothing yet: reading would only ask it for the body.
      boolean sending = !expectsContinue(request) || (body != null && body.opened());
      if (!abandoned && sending) {
        UnreadBody.discard(unread, length, idleTimeout);
      }
      throw e;
    } finally {
      if (!abandoned) {
        release(unread);
        if (lease != null) {
          lease.close();
        }
      }
    }
  }

  private static boolean expectsContinue(Request request) {
    return request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
  }

  /** Gives Jetty back the body's buffer; what is left unread then closes the connection. */
  private static void release(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // The body ended in a failure already answered or told to Jetty: nothing more to say.
    }
  }

  /** A rule that ignored cancelling and still runs; {@code error} is the request's answer. */
  private static final class Abandoned extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient HttpError error;

    Abandoned(HttpError error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }
  }

  private static ModuleRule resolve(LiveModules.Lease lease, String name) {
    try {
      return lease.modules().rules().resolve(name);
    } catch (CommandFailure e) {
      throw new HttpError(e.status() == ExitStatus.MODULE_UNAVAILABLE ? 503 : 404, e.getMessage());
    }
  }

  private static Fields query(Request request) {
    try {
      return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      // Jetty's parser says what is wrong: a bad escape, bytes that are not UTF-8.
      throw new HttpError(400, "cannot read the query: " + e.getMessage());
    }
  }

  /** The query's values as the rule's options, parsed and checked as the command line's are. */
  private static Arguments arguments(ModuleRule rule, Fields query) {
    List<String> words = new ArrayList<>();
    for (Fields.Field field : query) {
      Parameter parameter =
          rule.parameters().stream()
              .filter(p -> p.name().equals(field.getName()))
              .findFirst()
              .orElseThrow(() -> unknownParameter(rule, field.getName()));
      if (field.getValues().size() != 1) {
        throw new HttpError(400, rule.name() + ": " + parameter.name() + " is given twice");
      }
      words.add(RuleLine.optionName(parameter) + "=" + field.getValue());
    }
    words.add("-");
    try {
      return RuleLine.parse(rule, words, RuleLine.Syntax.OPTIONS, Map.of()).arguments();
    } catch (CommandFailure e) {
      throw new HttpError(400, e.getMessage());
    }
  }

  private static HttpError unknownParameter(ModuleRule rule, String name) {
    String takes =
        rule.parameters().isEmpty()
            ? "it takes none"
            : "it takes: "
                + rule.parameters().stream().map(Parameter::name).collect(Collectors.joining(", "));
    return new HttpError(400, rule.qualifiedName() + " has no parameter '" + name + "'; " + takes);
  }

  private Table await(RuleCall call, ModuleRule rule, RequestBody body) throws Abandoned {
    Table table;
    try {
      table = call.await(limit);
    } catch (TimeoutException e) {
      body.cut();
      RuleCall.Cancellation how = call.cancel(CANCEL_GRACE);
      String message =
          rule.qualifiedName()
              + " ("
              + rule.module().versionLabel()
              + ") did not finish within the per-request limit of "
              + Durations.format(limit)
              + (how == RuleCall.Cancellation.ABANDONED
                  ? "; it ignored cancelling and was abandoned"
                  : "; it was cancelled");
      err.println("freshjar: " + Untrusted.text(message));
      if (how == RuleCall.Cancellation.ABANDONED) {
        throw new Abandoned(new HttpError(503, message));
      }
      throw new HttpError(503, message);
    } catch (InterruptedException e) {
      body.cut();
      RuleCall.Cancellation how = call.cancel(CANCEL_GRACE);
      Thread.currentThread().interrupt();
      HttpError stopping = new HttpError(503, "the server is stopping");
      if (how == RuleCall.Cancellation.ABANDONED) {
        throw new Abandoned(stopping);
      }
      throw stopping;
    } catch (CommandFailure e) {
      throw bodyFailure(body).orElseGet(() -> new HttpError(500, e.getMessage()));
    } catch (VirtualMachineError e) {
      // The rule's frames and objects are gone once it has thrown: the server goes on.
      throw new HttpError(500, rule.qualifiedName() + " ran out of resources: " + e);
    }
    // A rule that swallowed a failed read must not answer from part of the body.
    Optional<HttpError> failure = bodyFailure(body);
    if (failure.isPresent()) {
      throw failure.get();
    }
    return table;
  }

  private Optional<HttpError> bodyFailure(RequestBody body) {
    return body.failure()
        .map(
            e ->
                e instanceof RequestBody.TooLarge
                    ? tooLarge()
                    : new HttpError(400, "reading the request body failed: " + e));
  }

  private HttpError tooLarge() {
    return new HttpError(413, "the request body is larger than --max-body (" + maxBody + " bytes)");
  }

  /** A compressed body would be counted as its compressed bytes: refused, never misread. */
  private static void refuseEncoded(Request request) {
    String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      throw new HttpError(
          415, "Content-Encoding " + encoding + " is not supported; send the body uncompressed");
    }
  }

  /** The body's charset from its Content-Type; UTF-8, as for files, when it names none. */
  private static Charset charset(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String name = type == null ? null : MimeTypes.getCharsetFromContentType(type);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, "unknown charset in Content-Type: " + name);
    }
  }

  /**
   * Writes the result. A streamed result whose rows fail part way is not closed, so not finished:
   * before anything was sent it is a 500 like any rule failure; after, {@link Routes} fails the
   * response and the client sees it cut off, never a complete-looking 200.
   */
  private static void write(Table table, Format format, Response response) throws IOException {
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Content.Sink.asOutputStream(response), StandardCharsets.UTF_8),
            1 << 16);
    try {
      format.write(table, out);
    } catch (CommandFailure e) {
      throw new HttpError(500, e.getMessage());
    }
    out.close();
  }
}
