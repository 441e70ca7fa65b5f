package dev.airlock.lakehouse.gateway;

import dev.airlock.lakehouse.WriteContext;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a method needs besides its parameters: who calls (for commits), a way to tell the host that
 * a merge is about to wait for the merge gate, and the files uploaded with the request (null when
 * none were).
 */
record MethodContext(
    String username, CallContext call, Runnable gateWaiting, Uploads.Upload upload) {

  /** The code's commit properties may not pass for the lakehouse's own (run, turn, a revert). */
  WriteContext write(String message, Map<String, String> properties) {
    for (String key : properties.keySet()) {
      if (WriteContext.RESERVED.contains(key)) {
        throw ProtocolError.badRequest(
            "commit_properties may not set '"
                + key
                + "': the"
                + " lakehouse sets "
                + new TreeSet<>(WriteContext.RESERVED)
                + " itself;"
                + " use another key");
      }
    }
    return new WriteContext(username, call.runId(), call.turn(), message, properties);
  }
}
