package dev.airlock.lakehouse.gateway;

/**
 * A request the gateway cannot serve because of its bytes, not the lakehouse: not JSON, too large,
 * an unknown method, a parameter of the wrong type. {@code type} and {@code status} go on the wire
 * like a lakehouse error's, so the Python client raises the matching {@code BauplanHTTPError}.
 */
final class ProtocolError extends RuntimeException {
  static final String PROTOCOL_ERROR = "PROTOCOL_ERROR";
  static final String BAD_REQUEST = "BAD_REQUEST";
  static final String UNKNOWN_METHOD = "UNKNOWN_METHOD";
  static final String REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE";
  static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";

  private final String type;
  private final int status;

  ProtocolError(String type, int status, String message) {
    super(message);
    this.type = type;
    this.status = status;
  }

  static ProtocolError badRequest(String message) {
    return new ProtocolError(BAD_REQUEST, 400, message);
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }
}
