package dev.freshjar.launcher.serve;

import dev.freshjar.api.Table;
import dev.freshjar.launcher.modules.LiveModules;
import dev.freshjar.launcher.modules.ModuleSet;
import dev.freshjar.launcher.modules.ModuleStatus;
import dev.freshjar.launcher.modules.ModuleTables;
import dev.freshjar.launcher.output.Format;
import dev.freshjar.launcher.output.Untrusted;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request the server answers: checks the token, bounds how many are in flight, sends each
 * path to its answer, and turns every failure into a JSON error with its status.
 */
final class Routes extends Handler.Abstract {
  private static final String RULES = "/rules/";

  private final ServedModules modules;
  private final RuleEndpoint rules;
  private final Optional<BearerToken> token;
  private final Semaphore inFlight;
  private final int maxConcurrent;
  private final PrintStream err;

  Routes(
      ServedModules modules, ServeOptions options, Optional<BearerToken> token, PrintStream err) {
    this.modules = modules;
    this.rules =
        new RuleEndpoint(
            modules, options.maxBody(), options.requestTimeout(), options.idleTimeout(), err);
    this.token = token;
    this.maxConcurrent = options.maxConcurrent();
    this.inFlight = new Semaphore(maxConcurrent);
    this.err = err;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      if (token.isPresent()
          && !token.get().admits(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"freshjar\"");
        throw new HttpError(
            401, "this server needs Authorization: Bearer TOKEN (see --token-file)");
      }
      String path = request.getHttpURI().getDecodedPath();
      if (path.equals("/health")) {
        // Never refused for being busy: a busy server is still alive.
        route(request, response, path);
      } else {
        if (!inFlight.tryAcquire()) {
          throw new HttpError(
              503,
              "more than "
                  + maxConcurrent
                  + " requests in flight (--max-concurrent); retry shortly",
              Optional.of(Duration.ofSeconds(1)));
        }
        try {
          route(request, response, path);
        } finally {
          inFlight.release();
        }
      }
      callback.succeeded();
    } catch (HttpError e) {
      answerError(request, response, callback, e);
    } catch (IOException | UncheckedIOException e) {
      // The client went away or the answer could not be written: nobody to tell but Jetty.
      callback.failed(e);
    } catch (RuntimeException e) {
      err.println(
          "freshjar: unexpected error (a bug of freshjar's own): " + Untrusted.text(e.toString()));
      answerError(request, response, callback, new HttpError(500, "unexpected error: " + e));
    }
    return true;
  }

  private void route(Request request, Response response, String path) throws IOException {
    if (path.startsWith(RULES) && path.length() > RULES.length()) {
      allow(request, response, "POST");
      rules.handle(path.substring(RULES.length()), request, response);
      return;
    }
    switch (path) {
      case "/rules" -> {
        allow(request, response, "GET");
        table(request, response, ModuleTables::rules);
      }
      case "/modules" -> {
        allow(request, response, "GET");
        table(request, response, ModuleTables::modules);
      }
      case "/health" -> {
        allow(request, response, "GET");
        health(response);
      }
      case "/update" -> {
        allow(request, response, "POST");
        send(response, 200, "application/json", UpdateOutcomes.answer(modules.update()));
      }
      default ->
          throw new HttpError(
              404,
              "no such resource: "
                  + path
                  + "; try POST /rules/RULE, GET /rules, GET /modules, GET /health, POST /update");
    }
  }

  private static void allow(Request request, Response response, String allowed) {
    if (!request.getMethod().equals(allowed)) {
      response.getHeaders().put(HttpHeader.ALLOW, allowed);
      throw new HttpError(405, "use " + allowed + " here, not " + request.getMethod());
    }
  }

  private void table(Request request, Response response, Function<ModuleSet, Table> what)
      throws IOException {
    Format format = Negotiation.format(request);
    try (LiveModules.Lease lease = modules.acquire()) {
      Table table = what.apply(lease.modules());
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, Negotiation.contentType(format));
      try (Writer out =
          new OutputStreamWriter(Content.Sink.asOutputStream(response), StandardCharsets.UTF_8)) {
        format.write(table, out);
      }
    }
  }

  /** Live whenever it answers; ready, 200, once every module is loaded or known unavailable. */
  private void health(Response response) throws IOException {
    boolean ready = modules.ready();
    List<ModuleStatus> statuses = List.of();
    if (ready) {
      try (LiveModules.Lease lease = modules.acquire()) {
        statuses = lease.modules().statuses();
      }
    }
    List<ModuleStatus> each = statuses;
    byte[] body =
        Json.of(
            json -> {
              json.writeStartObject();
              json.writeBooleanField("live", true);
              json.writeBooleanField("ready", ready);
              json.writeArrayFieldStart("modules");
              for (ModuleStatus status : each) {
                json.writeStartObject();
                json.writeStringField("module", status.name());
                json.writeBooleanField("available", status.available());
                json.writeStringField("state", Json.bounded(status.state()));
                json.writeEndObject();
              }
              json.writeEndArray();
              json.writeEndObject();
            });
    send(response, ready ? 200 : 503, "application/json", body);
  }

  private static void send(Response response, int status, String type, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      out.write(body);
    }
  }

  private void answerError(Request request, Response response, Callback callback, HttpError e) {
    if (response.isCommitted()) {
      // Part of an answer is out: the client sees the connection end, not a 200 that lies.
      callback.failed(e);
      return;
    }
    e.retryAfter()
        .ifPresent(
            after ->
                response
                    .getHeaders()
                    .put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds()))));
    response.getHeaders().remove(ModuleHeader.NAME);
    if (request.getLength() != 0) {
      // The body may be unread (a 413 on its declared length, a rule that failed half-way): the
      // connection cannot carry another request after it, and the client must know.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.setStatus(e.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(Json.error(e.status(), e.getMessage())), callback);
  }
}
