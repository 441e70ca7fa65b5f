package dev.airlock.lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One lakehouse operation in flight: it learns its commits and rows as it goes, and reports itself
 * to the listeners when it ends, successfully or not. Checked failures of the machinery become
 * INTERNAL_ERROR here, so every caller sees only {@link LakehouseException}.
 */
final class Op {
  final String name;
  final String ref;
  final String table;
  final WriteContext context;
  String before;
  String after;
  Long rows;

  Op(String name, String ref, String table, WriteContext context) {
    this.name = name;
    this.ref = ref;
    this.table = table;
    this.context = context;
  }

  /** The work of an operation. */
  @FunctionalInterface
  interface Body<T> {
    T call(Op op) throws IOException, SQLException;
  }

  void published(Branches.Outcome outcome) {
    before = outcome.before().name();
    after = outcome.head().hash();
  }

  <T> T run(Body<T> body, List<LakehouseListener> listeners) {
    try {
      T result = body.call(this);
      emit(listeners, null);
      return result;
    } catch (LakehouseException e) {
      emit(listeners, e.type());
      throw e;
    } catch (IOException | SQLException | UncheckedIOException e) {
      LakehouseException le =
          new LakehouseException(
              ErrorType.INTERNAL_ERROR,
              name
                  + " on "
                  + ref
                  + " failed: "
                  + TableWrites.firstLine(e)
                  + ". Check the lakehouse folder is writable.",
              Map.of(),
              e);
      emit(listeners, le.type());
      throw le;
    }
  }

  private void emit(List<LakehouseListener> listeners, String error) {
    LakehouseEvent event =
        new LakehouseEvent(Instant.now(), name, ref, table, before, after, rows, error, context);
    for (LakehouseListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException ignored) {
        // A listener's failure must never undo or fail a write that already happened.
      }
    }
  }
}
