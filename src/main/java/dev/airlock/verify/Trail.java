package dev.airlock.verify;

import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One check in progress: runs its queries on the pinned ref and keeps each as evidence, so a check
 * that fails halfway still shows what it ran (and the error) in an ERROR result.
 */
final class Trail {
  private final Lakehouse lakehouse;
  private final String ref;
  private final String id;
  private final CheckKind kind;
  private final String table;
  private final List<Evidence> evidence = new ArrayList<>();
  private boolean recordedError;

  Trail(Lakehouse lakehouse, String ref, String id, CheckKind kind, String table) {
    this.lakehouse = lakehouse;
    this.ref = ref;
    this.id = id;
    this.kind = kind;
    this.table = table;
  }

  /** A body of a check; a {@link LakehouseException} from it becomes an ERROR result. */
  @FunctionalInterface
  interface Body {
    CheckResult run(Trail trail);
  }

  static CheckResult run(
      Lakehouse lakehouse, String ref, String id, CheckKind kind, String table, Body body) {
    Trail trail = new Trail(lakehouse, ref, id, kind, table);
    try {
      return body.run(trail);
    } catch (LakehouseException e) {
      if (!trail.recordedError) {
        trail.evidence.add(Evidence.note(null, "error: " + e.getMessage()));
      }
      return trail.result(Verdict.ERROR, "could not run: " + errorLine(e.getMessage()));
    }
  }

  /** Runs SQL on the ref (at most {@link Evidence#MAX_ROWS} rows) and records it. */
  QueryResult query(String sql) {
    QueryResult r;
    try {
      r = lakehouse.query(sql, ref, Evidence.MAX_ROWS);
    } catch (LakehouseException e) {
      evidence.add(Evidence.note(sql, "error: " + e.getMessage()));
      recordedError = true;
      throw e;
    }
    evidence.add(new Evidence(sql, r.columns(), r.rows(), r.truncated(), null));
    return r;
  }

  void add(Evidence e) {
    evidence.add(e);
  }

  CheckResult pass(String summary) {
    return result(Verdict.PASS, summary);
  }

  CheckResult fail(String summary) {
    return result(Verdict.FAIL, summary);
  }

  CheckResult result(Verdict verdict, String summary) {
    return new CheckResult(id, kind, table, verdict, summary, evidence);
  }

  /**
   * The line of an error that says what went wrong. DuckDB's JDBC driver puts a generic "pending
   * query result" line first and the real cause ("Catalog Error: ...") on a later line.
   */
  static String errorLine(String m) {
    if (m == null) {
      return "";
    }
    String[] lines = m.split("\\n");
    int generic = lines[0].indexOf("Invalid Input Error: Attempting to execute an unsuccessful");
    if (generic >= 0) {
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].startsWith("Error: ")) {
          return lines[0].substring(0, generic) + lines[i].substring("Error: ".length()).strip();
        }
      }
    }
    return firstLine(m);
  }

  static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
