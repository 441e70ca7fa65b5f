package dev.airlock.lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * DuckDB in-process: reads sources, writes new Parquet files into the warehouse (temp name, then an
 * atomic move; never modified afterwards), and answers SQL on a catalog state. Each writing
 * operation uses a fresh in-memory database; queries use warm databases from a {@link QueryPool},
 * locked to the warehouse folder so SQL cannot read other files of the host.
 */
final class DuckEngine {
  private final Path warehouse;
  private final Path spill;
  private final QueryLimits limits;
  private final QueryPool queries;

  /**
   * @param warehouse the data files
   * @param spill where DuckDB spills what does not fit in memory, one subfolder per database
   *     (DuckDB removes it on close); never the process's working folder
   */
  DuckEngine(Path warehouse, Path spill) {
    this(warehouse, spill, QueryLimits.DEFAULT);
  }

  /** As above, with {@code limits} on what each query takes of the host. */
  DuckEngine(Path warehouse, Path spill, QueryLimits limits) {
    this.warehouse = warehouse.toAbsolutePath();
    this.spill = spill.toAbsolutePath();
    this.limits = limits;
    this.queries = new QueryPool(this.warehouse, this.spill, limits);
    try {
      Files.createDirectories(this.warehouse.resolve(".tmp"));
      Files.createDirectories(this.spill);
      dropStaleTempFiles();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the warehouse " + warehouse, e);
    }
  }

  /**
   * Temp files a crashed import left; a day old, so no live writer of another process owns them.
   */
  private void dropStaleTempFiles() throws IOException {
    Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
    try (var files = Files.list(warehouse.resolve(".tmp"))) {
      for (Path p : files.toList()) {
        if (Files.getLastModifiedTime(p).toInstant().isBefore(dayAgo)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  Path warehouse() {
    return warehouse;
  }

  Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET temp_directory = " + quote(spillFolder(spill)));
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** A fresh folder name under {@code spill} for one database's temp files. */
  static String spillFolder(Path spill) {
    return spill.resolve(UUID.randomUUID().toString()).toString();
  }

  /** The read_csv options that make a CSV import all of a file or fail naming the line. */
  static final String WHOLE_CSV =
      "skip=0, strict_mode=true, null_padding=false, ignore_errors=false";

  /** A SQL relation reading all files (one format, chosen by extension). */
  static String relation(List<Path> files, String uri) {
    String list =
        files.stream().map(p -> quote(p.toString())).collect(Collectors.joining(", ", "[", "]"));
    String ext = extension(files.get(0));
    for (Path f : files) {
      if (!extension(f).equals(ext)) {
        throw SourceResolver.failed(
            uri,
            "it mixes ." + ext + " and ." + extension(f) + " files: import one format at a time");
      }
    }
    return switch (ext) {
      case "parquet", "pq" -> "read_parquet(" + list + ", union_by_name=true)";
      // Every line is a row or an error: no leading lines skipped, no rows padded or dropped.
      case "csv", "tsv", "txt" -> "read_csv(" + list + ", union_by_name=true, " + WHOLE_CSV + ")";
      case "json", "jsonl", "ndjson" -> "read_json(" + list + ", union_by_name=true)";
      default ->
          throw SourceResolver.failed(
              uri, "unknown file type ." + ext + ": use .parquet, .csv or .json files");
    };
  }

  /** A file's format by its name ({@code .gz} looked through), e.g. {@code csv}. */
  static String extension(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  /** The columns of a relation, as DuckDB types. */
  List<TableDocument.Field> describe(Connection c, String relation) throws SQLException {
    List<TableDocument.Field> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      while (rs.next()) {
        String type = rs.getString("column_type");
        out.add(
            new TableDocument.Field(
                rs.getString("column_name"), false, DuckTypes.iceberg(type), type));
      }
    }
    return out;
  }

  /** A Parquet file written under a temporary name, not yet part of any table. */
  record Staged(Path path, long rows) {}

  /** Writes {@code select} to a temporary Parquet file in the warehouse. */
  Staged stage(Connection c, String select) throws SQLException {
    Path tmp = warehouse.resolve(".tmp").resolve(UUID.randomUUID() + ".parquet");
    try (Statement s = c.createStatement()) {
      long rows =
          s.executeUpdate(
              "COPY ("
                  + select
                  + ") TO "
                  + quote(tmp.toString())
                  + " (FORMAT parquet, COMPRESSION zstd)");
      return new Staged(tmp, rows);
    }
  }

  /** Moves a staged file to its final, immutable place; returns the catalog entry. */
  TableDocument.DataFile publish(Staged staged, TableName table) throws IOException {
    String rel = table.namespace() + "/" + table.name() + "/" + UUID.randomUUID() + ".parquet";
    Path target = warehouse.resolve(rel);
    Files.createDirectories(target.getParent());
    Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
    return new TableDocument.DataFile(rel, staged.rows(), Files.size(target));
  }

  void discard(Staged staged) {
    try {
      Files.deleteIfExists(staged.path());
    } catch (IOException ignored) {
      // An orphaned temp file costs disk space only; the catalog never points at it.
    }
  }

  /**
   * Runs SQL with every table of {@code state} bound as a view; see {@link Lakehouse#query}. The
   * SQL runs only once {@link ReadOnlyQuery} has proven it a read of those tables.
   */
  QueryResult query(CatalogState state, String ref, String sql, Integer maxRows)
      throws SQLException {
    return query(null, state, ref, sql, maxRows);
  }

  /**
   * As above, where {@code state} is commit {@code commit}'s: a database that holds that commit's
   * views already binds nothing (null: bind {@code state} whatever the database holds).
   */
  QueryResult query(ObjectId commit, CatalogState state, String ref, String sql, Integer maxRows)
      throws SQLException {
    return query(commit, state, ref, sql, maxRows, null);
  }

  /** As above, stopped when {@code cancel} (null: none) is cancelled. */
  QueryResult query(
      ObjectId commit,
      CatalogState state,
      String ref,
      String sql,
      Integer maxRows,
      QueryCancel cancel)
      throws SQLException {
    QueryPool.Session session = queries.take(commit);
    boolean trusted = false;
    try {
      if (commit == null || !commit.equals(session.commit())) {
        bind(session, commit, state);
      }
      trusted = true;
      ReadOnlyQuery checked = session.check(sql, ref);
      try (Statement s = session.connection().createStatement()) {
        // DuckDB interrupts the query itself when the time is up; the sandbox's limit cannot.
        s.setQueryTimeout(limits.timeoutSeconds());
        if (cancel != null && !cancel.start(s)) {
          throw cancelled(ref, null);
        }
        if (!s.execute(checked.sql())) {
          return new QueryResult(List.of(), List.of(), List.of(), false);
        }
        try (ResultSet rs = s.getResultSet()) {
          QueryResult result = QueryAnswer.collect(rs, maxRows, limits.answerBytes());
          if (result == null) {
            throw new LakehouseException(
                ErrorType.QUERY_FAILED,
                "Query on "
                    + ref
                    + " failed:"
                    + " its answer holds more than "
                    + (limits.answerBytes() % (1 << 20) == 0
                        ? (limits.answerBytes() >> 20) + " MiB"
                        : limits.answerBytes() + " bytes")
                    + ", the"
                    + " limit for one answer: select fewer columns, aggregate, filter or LIMIT it.",
                Map.of("ref", ref));
          }
          return result;
        }
      } catch (SQLException e) {
        if (cancel != null && cancel.cancelled()) {
          throw cancelled(ref, e);
        }
        if (cause(e).startsWith("INTERRUPT Error")) {
          throw new LakehouseException(
              ErrorType.QUERY_FAILED,
              "Query on "
                  + ref
                  + " failed: it"
                  + " ran longer than "
                  + limits.timeoutSeconds()
                  + " s, the limit for one query:"
                  + " filter, aggregate or LIMIT it, or query a smaller table.",
              Map.of("ref", ref),
              e);
        }
        throw e;
      } finally {
        if (cancel != null) {
          cancel.finish();
        }
      }
    } finally {
      if (trusted) {
        queries.give(session);
      } else {
        queries.discard(session);
      }
    }
  }

  void close() {
    queries.close();
  }

  private static LakehouseException cancelled(String ref, SQLException e) {
    return new LakehouseException(
        ErrorType.QUERY_FAILED,
        "Query on " + ref + " cancelled: it was stopped before it finished.",
        Map.of("ref", ref),
        e);
  }

  /**
   * Replaces the views a database holds with {@code state}'s and commits them, so every later query
   * on {@code commit} finds them. Each table is a view in the schema of its namespace. Bare names
   * reach namespace {@value TableName#DEFAULT_NAMESPACE} through the search path the pool sets, so
   * {@code fees} and {@code main.fees} are two tables, as in the catalog. A database whose binding
   * failed is closed by the caller: what it holds is no commit's.
   */
  private void bind(QueryPool.Session session, ObjectId commit, CatalogState state)
      throws SQLException {
    BoundTables tables = BoundTables.of(state);
    try (Statement s = session.connection().createStatement()) {
      for (TableDocument d : session.tables().tables().values()) {
        s.execute("DROP VIEW IF EXISTS " + ident(d.namespace()) + "." + ident(d.name()));
      }
      for (String ns : tables.namespaces()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + ident(ns));
      }
      for (TableDocument d : tables.tables().values()) {
        String files =
            d.dataFiles().stream()
                .map(f -> quote(warehouse.resolve(f.path()).toString()))
                .collect(Collectors.joining(", ", "[", "]"));
        try {
          s.execute(
              "CREATE VIEW "
                  + ident(d.namespace())
                  + "."
                  + ident(d.name())
                  + " AS SELECT * FROM read_parquet("
                  + files
                  + ")");
        } catch (SQLException e) {
          // The statement DuckDB quotes after LINE is ours and may be cut inside a host path.
          String why = cause(e);
          int line = why.indexOf("\nLINE ");
          throw new SQLException(
              "table "
                  + d.namespace()
                  + "."
                  + d.name()
                  + " cannot be read: "
                  + (line < 0 ? why : why.substring(0, line).strip()),
              e);
        }
      }
    }
    session.bound(commit, tables);
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /**
   * A failed query as the caller sees it: DuckDB's own cause (not the JDBC wrapper's first line)
   * with the host's folders cut out, as sandboxed code reads this message.
   */
  LakehouseException queryFailed(String ref, SQLException e) {
    return new LakehouseException(
        ErrorType.QUERY_FAILED,
        "Query on " + ref + " failed: " + hideFolders(cause(e)),
        Map.of("ref", ref),
        e);
  }

  /** DuckDB's message without the JDBC wrapper's first line, which hides the cause. */
  private static String cause(SQLException e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    String wrapper = "Attempting to execute an unsuccessful or closed pending query result";
    int at = msg.indexOf("\nError: ");
    return msg.contains(wrapper) && at >= 0
        ? msg.substring(at + "\nError: ".length()).strip()
        : msg;
  }

  /** {@code msg} with the lakehouse's folders (as given and as resolved) shown as names. */
  private String hideFolders(String msg) {
    String out = msg;
    for (Path folder : List.of(warehouse, spill)) {
      String shown = "<" + folder.getFileName() + ">";
      try {
        out = out.replace(folder.toRealPath().toString(), shown);
      } catch (IOException ignored) {
        // A folder that cannot be resolved is only hidden as given.
      }
      out = out.replace(folder.toString(), shown);
    }
    return out;
  }
}
