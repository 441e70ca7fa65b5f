package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Turns one request line into one response line: parse, check, dispatch, answer, report. Every byte
 * is untrusted: whatever comes in, the answer is a well-formed response (an error saying what was
 * wrong) and the listener hears about it.
 */
final class RequestHandler {
  /** The methods that read a source: they may come with files uploaded from the sandbox. */
  private static final Set<String> UPLOAD_METHODS = Set.of("create_table", "import_data");

  private final ObjectMapper json;
  private final Map<String, GatewayMethod> methods = new TreeMap<>();
  private final String username;
  private final Supplier<CallContext> context;
  private final GatewayListener listener;
  private final WireFormat wire;
  private final Uploads uploads;

  /** The response line, and whether the connection must close after it (its bytes are unread). */
  record Answer(byte[] line, boolean closeAfter) {}

  RequestHandler(
      Lakehouse lakehouse,
      GatewayOptions options,
      Supplier<CallContext> context,
      GatewayListener listener,
      ObjectMapper json,
      Uploads uploads) {
    this.json = json;
    this.uploads = uploads;
    this.username = options.username();
    this.context = context;
    this.listener = listener;
    this.wire = new WireFormat(json);
    new CatalogMethods(lakehouse, wire, json).register(methods);
    new TableMethods(lakehouse, wire, json, options).register(methods);
  }

  /**
   * The answer to one request line (without the trailing newline); {@code body} holds the bytes of
   * the files a request announces in {@code upload}.
   */
  Answer handle(byte[] line, LineReader body) {
    Exchange exchange = new Exchange(Instant.now(), System.nanoTime(), context.get());
    ObjectNode response;
    try {
      response = answer(line, body, exchange);
    } catch (LakehouseException e) {
      exchange.failed(e.type(), e.getMessage());
      response =
          error(exchange.id, e.type(), e.status(), e.getMessage(), wire.context(e.context()));
    } catch (ProtocolError e) {
      exchange.failed(e.type(), e.getMessage());
      response = error(exchange.id, e.type(), e.status(), e.getMessage(), json.createObjectNode());
    } catch (RuntimeException e) {
      String message =
          "Internal error in the lakehouse gateway while serving "
              + exchange.method
              + ": "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ". Check the lakehouse state with get_branch/get_table before retrying.";
      exchange.failed("INTERNAL_ERROR", message);
      response = error(exchange.id, "INTERNAL_ERROR", 500, message, json.createObjectNode());
    }
    GatewayCall done = exchange.event();
    if (exchange.gateWaited) {
      notify(() -> listener.onMergeGateDecided(done));
    }
    notify(() -> listener.onCall(done));
    return new Answer(serialize(response), exchange.bodyUnread);
  }

  private ObjectNode answer(byte[] line, LineReader body, Exchange exchange) {
    JsonNode request = parse(line);
    exchange.id = request.get("id");
    JsonNode announced = request.get("upload");
    exchange.bodyUnread = announced != null && !announced.isNull();
    exchange.method = methodName(request);
    GatewayMethod target = methods.get(exchange.method);
    if (target == null) {
      throw new ProtocolError(
          ProtocolError.UNKNOWN_METHOD,
          405,
          "Unknown method '"
              + truncate(exchange.method)
              + "'; the gateway serves "
              + methods.keySet());
    }
    if (exchange.bodyUnread && !UPLOAD_METHODS.contains(exchange.method)) {
      throw ProtocolError.badRequest(
          exchange.method + " takes no uploaded files; only " + UPLOAD_METHODS + " do");
    }
    Params params = new Params(exchange.method, request.get("params"));
    exchange.params = params.summary();
    GatewayCall pending = exchange.pending();
    Runnable gateWaiting =
        () -> {
          exchange.gateWaited = true;
          notify(() -> listener.onMergeGateWaiting(pending));
        };
    Reply reply;
    if (exchange.bodyUnread) {
      List<Uploads.Announced> files = Uploads.announced(announced);
      try (Uploads.Upload upload = receive(params.required("search_uri"), files, body)) {
        exchange.bodyUnread = false;
        reply =
            target.call(params, new MethodContext(username, exchange.call, gateWaiting, upload));
      }
    } else {
      reply = target.call(params, new MethodContext(username, exchange.call, gateWaiting, null));
    }
    exchange.succeeded(reply.summary());
    ObjectNode response = json.createObjectNode().set("id", exchange.id);
    response.set("result", reply.result());
    return response;
  }

  private Uploads.Upload receive(String uri, List<Uploads.Announced> files, LineReader body) {
    try {
      return uploads.receive(uri, files, body);
    } catch (IOException e) {
      throw new ProtocolError(
          ProtocolError.PROTOCOL_ERROR,
          400,
          "The upload for " + uri + " could not be received; nothing was imported. Try again.");
    }
  }

  /** What is known about one request as it is served; becomes the call's event. */
  private static final class Exchange {
    final Instant started;
    final long t0;
    final CallContext call;
    JsonNode id;
    String method = "(invalid request)";
    Map<String, Object> params = Map.of();
    boolean gateWaited;
    boolean bodyUnread;
    GatewayCall.Outcome outcome;
    String result;
    String errorType;
    String errorMessage;

    Exchange(Instant started, long t0, CallContext call) {
      this.started = started;
      this.t0 = t0;
      this.call = call;
    }

    void succeeded(String summary) {
      outcome = GatewayCall.Outcome.OK;
      result = summary;
    }

    void failed(String type, String message) {
      outcome = GatewayCall.Outcome.ERROR;
      errorType = type;
      errorMessage = message;
    }

    GatewayCall pending() {
      return new GatewayCall(method, params, null, null, null, null, started, Duration.ZERO, call);
    }

    GatewayCall event() {
      return new GatewayCall(
          method,
          params,
          outcome,
          result,
          errorType,
          errorMessage,
          started,
          Duration.ofNanos(System.nanoTime() - t0),
          call);
    }
  }

  /** The answer when a request line exceeds the size limit (the connection closes after it). */
  byte[] tooLarge(int limit) {
    String message =
        "The request is larger than the gateway's limit of "
            + limit
            + " bytes per line; send smaller requests (SQL text and parameters, not data).";
    Exchange exchange = new Exchange(Instant.now(), System.nanoTime(), context.get());
    exchange.failed(ProtocolError.REQUEST_TOO_LARGE, message);
    notify(() -> listener.onCall(exchange.event()));
    return serialize(
        error(null, ProtocolError.REQUEST_TOO_LARGE, 413, message, json.createObjectNode()));
  }

  /** The answer when too many connections are open at once. */
  byte[] busy(int limit) {
    return serialize(
        error(
            null,
            ProtocolError.TOO_MANY_REQUESTS,
            429,
            "The gateway already serves " + limit + " connections; retry when some have finished.",
            json.createObjectNode()));
  }

  private JsonNode parse(byte[] line) {
    JsonNode request;
    try {
      request = json.readTree(line);
    } catch (IOException e) {
      String detail =
          e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      throw new ProtocolError(
          ProtocolError.PROTOCOL_ERROR,
          400,
          "The request is not valid JSON ("
              + truncate(detail)
              + "); the gateway expects one JSON"
              + " object per line: {\"id\": 1, \"method\": \"...\", \"params\": {...}}");
    }
    if (request == null || !request.isObject()) {
      throw new ProtocolError(
          ProtocolError.PROTOCOL_ERROR,
          400,
          "The request must be a JSON object {\"id\": 1, \"method\": \"...\", \"params\": {...}}");
    }
    return request;
  }

  private static String methodName(JsonNode request) {
    JsonNode method = request.get("method");
    if (method == null || !method.isTextual() || method.asText().isBlank()) {
      throw new ProtocolError(
          ProtocolError.PROTOCOL_ERROR,
          400,
          "The request has no \"method\" string; e.g. {\"id\": 1, \"method\": \"get_branches\","
              + " \"params\": {}}");
    }
    return method.asText();
  }

  private ObjectNode error(
      JsonNode id, String type, int status, String message, ObjectNode context) {
    ObjectNode response = json.createObjectNode().set("id", id);
    ObjectNode error = response.putObject("error");
    error.put("type", type);
    error.put("status", status);
    error.put("message", message);
    error.set("context", context);
    return response;
  }

  private byte[] serialize(ObjectNode response) {
    try {
      return json.writeValueAsBytes(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a gateway response", e);
    }
  }

  private static void notify(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // A listener's bug must not turn into a wrong answer to the sandboxed code.
    }
  }

  private static String truncate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
