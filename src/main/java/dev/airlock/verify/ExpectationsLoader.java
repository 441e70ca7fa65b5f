package dev.airlock.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.airlock.verify.Expectations.ColumnExpectation;
import dev.airlock.verify.Expectations.CustomCheck;
import dev.airlock.verify.Expectations.TableExpectation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads expectations from YAML or JSON (chosen by the file extension: {@code .json} is JSON,
 * anything else YAML) and validates them, so every problem is reported with the file, the line or
 * field, and what to fix. See {@code src/main/resources/dev/airlock/expectations/demo.yaml} for the
 * format.
 */
public final class ExpectationsLoader {
  /** Prefix of the expectations that ship inside Airlock, e.g. {@code builtin:demo}. */
  public static final String BUILTIN = "builtin:";

  private static final ObjectMapper YAML = mapper(new ObjectMapper(new YAMLFactory()));
  private static final ObjectMapper JSON = mapper(new ObjectMapper());

  private ExpectationsLoader() {}

  private static ObjectMapper mapper(ObjectMapper m) {
    return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** A file path, or {@code builtin:NAME} for the expectations shipped with Airlock. */
  public static Expectations load(String location) throws ExpectationsException {
    return location.startsWith(BUILTIN)
        ? builtin(location.substring(BUILTIN.length()))
        : load(Path.of(location));
  }

  public static Expectations load(Path file) throws ExpectationsException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ExpectationsException(
          file.toString(), 0, null, "no such file: check the path given to --expect");
    } catch (IOException e) {
      throw new ExpectationsException(
          file.toString(),
          0,
          null,
          "cannot be read (" + e.getMessage() + "): check its permissions",
          e);
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    return parse(text, file.toString(), json);
  }

  /** The default expectations of the demo dataset: {@code builtin:demo}. */
  public static Expectations demo() {
    try {
      return builtin("demo");
    } catch (ExpectationsException e) {
      throw new IllegalStateException("the built-in demo expectations are broken", e);
    }
  }

  public static Expectations builtin(String name) throws ExpectationsException {
    String resource = "/dev/airlock/expectations/" + name + ".yaml";
    try (InputStream in = ExpectationsLoader.class.getResourceAsStream(resource)) {
      if (in == null || !name.matches("[a-z0-9_-]+")) {
        throw new ExpectationsException(
            BUILTIN + name,
            0,
            null,
            "no such built-in expectations: use builtin:demo or a file path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILTIN + name, false);
    } catch (IOException e) {
      throw new ExpectationsException(BUILTIN + name, 0, null, "cannot be read: " + e, e);
    }
  }

  /** Parses YAML ({@code json} false) or JSON text; {@code source} names it in errors. */
  public static Expectations parse(String text, String source, boolean json)
      throws ExpectationsException {
    FileDoc doc;
    try {
      doc = (json ? JSON : YAML).readValue(text, FileDoc.class);
    } catch (JsonProcessingException e) {
      throw translate(source, text, e);
    }
    if (doc == null) {
      throw new ExpectationsException(
          source, 0, null, "the file is empty: declare at least 'tables:' or 'checks:'");
    }
    return new Validation(source, text).expectations(doc);
  }

  private static ExpectationsException translate(
      String source, String text, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : loc.getLineNr();
    String field = null;
    String problem;
    if (e instanceof JsonMappingException m) {
      field = path(m.getPath());
      line = keyLine(text, m.getPath(), line);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      problem = "unknown field '" + u.getPropertyName() + "': remove it or use one of " + known;
    } else {
      String m = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
      int nl = m.indexOf('\n');
      problem =
          (nl < 0 ? m : m.substring(0, nl)).strip()
              + ": fix the value (see builtin:demo for the format)";
    }
    return new ExpectationsException(source, line, field, problem, e);
  }

  /**
   * The line of the key a mapping error is about. Jackson reports where the parser stood after
   * buffering a record's properties, often a line late; the path's keys, searched in order, find
   * the line a person has to edit. Falls back to Jackson's line when a key is not found.
   */
  static int keyLine(String text, List<JsonMappingException.Reference> refs, int fallback) {
    List<Object> segments = new ArrayList<>();
    for (JsonMappingException.Reference r : refs) {
      segments.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
    }
    int line = lineOf(text, segments);
    return line > 0 ? line : fallback;
  }

  /**
   * Finds a field path (names, and list indexes counted as YAML {@code -} items) in the text; 0
   * when it cannot be found (flow-style lists, JSON arrays).
   */
  static int lineOf(String text, List<Object> segments) {
    String[] lines = text.split("\n", -1);
    int at = 0;
    for (Object seg : segments) {
      if (seg instanceof Integer index) {
        int items = -1;
        int i = at + 1;
        for (; i < lines.length; i++) {
          if (lines[i].stripLeading().startsWith("- ") && ++items == index) {
            break;
          }
        }
        if (i >= lines.length) {
          return 0;
        }
        at = i;
        continue;
      }
      Pattern key = Pattern.compile("(^|[{,\\s-])\"?" + Pattern.quote((String) seg) + "\"?\\s*:");
      int i = at;
      while (i < lines.length && !key.matcher(lines[i]).find()) {
        i++;
      }
      if (i == lines.length) {
        return 0;
      }
      at = i;
    }
    return segments.isEmpty() ? 0 : at + 1;
  }

  /** {@code tables.fees.columns[2].type} as names and indexes. */
  static List<Object> segments(String field) {
    List<Object> out = new ArrayList<>();
    if (field == null) {
      return out;
    }
    Matcher m = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]").matcher(field);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : (Object) Integer.parseInt(m.group(2)));
    }
    return out;
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  // ---- the file's shape, as written

  record FileDoc(
      @JsonProperty("dataset") String dataset,
      @JsonProperty("namespace") String namespace,
      @JsonProperty("tables") LinkedHashMap<String, TableDoc> tables,
      @JsonProperty("checks") List<CheckDoc> checks) {}

  record TableDoc(
      @JsonProperty("min_rows") Long minRows,
      @JsonProperty("id_columns") List<String> idColumns,
      @JsonProperty("columns") List<ColumnDoc> columns,
      @JsonProperty("allow_extra_columns") Boolean allowExtraColumns,
      @JsonProperty("checks") List<CheckDoc> checks) {}

  record ColumnDoc(
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("required") Boolean required) {}

  record CheckDoc(@JsonProperty("name") String name, @JsonProperty("sql") String sql) {}

  /** Semantic checks of a parsed file; each failure names the field. */
  private static final class Validation {
    private final String source;
    private final String text;
    private final List<String> checkNames = new ArrayList<>();

    Validation(String source, String text) {
      this.source = source;
      this.text = text;
    }

    Expectations expectations(FileDoc doc) throws ExpectationsException {
      String ns = doc.namespace() == null ? "bauplan" : doc.namespace();
      if (!ns.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw fail(
            "namespace",
            "'" + ns + "' is not a namespace name: use letters, digits and" + " underscores");
      }
      List<TableExpectation> tables = new ArrayList<>();
      Map<String, TableDoc> declared = doc.tables() == null ? Map.of() : doc.tables();
      for (Map.Entry<String, TableDoc> e : declared.entrySet()) {
        tables.add(table(ns, e.getKey(), e.getValue()));
      }
      List<CustomCheck> checks = checks("checks", doc.checks());
      if (tables.isEmpty() && checks.isEmpty()) {
        throw fail(null, "nothing is declared: add 'tables:' and/or 'checks:'");
      }
      return new Expectations(source, doc.dataset(), tables, checks);
    }

    private TableExpectation table(String ns, String key, TableDoc doc)
        throws ExpectationsException {
      String field = "tables." + key;
      if (!key.matches("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*")) {
        throw fail(field, "'" + key + "' is not a table name: use 'table' or 'namespace.table'");
      }
      String fqn = key.contains(".") ? key : ns + "." + key;
      TableDoc t = doc == null ? new TableDoc(null, null, null, null, null) : doc;
      long minRows = t.minRows() == null ? 1 : t.minRows();
      if (minRows < 0) {
        throw fail(field + ".min_rows", "must be 0 or more, got " + minRows);
      }
      List<ColumnExpectation> columns = columns(field, t.columns());
      List<String> ids = t.idColumns() == null ? null : ids(field, t.idColumns(), columns);
      return new TableExpectation(
          fqn,
          minRows,
          ids,
          columns,
          Boolean.TRUE.equals(t.allowExtraColumns()),
          checks(field + ".checks", t.checks()));
    }

    private List<ColumnExpectation> columns(String table, List<ColumnDoc> docs)
        throws ExpectationsException {
      List<ColumnExpectation> out = new ArrayList<>();
      if (docs == null) {
        return out;
      }
      for (int i = 0; i < docs.size(); i++) {
        String field = table + ".columns[" + i + "]";
        ColumnDoc c = docs.get(i);
        if (c == null || c.name() == null || c.name().isBlank()) {
          throw fail(field + ".name", "every column needs a name");
        }
        for (ColumnExpectation seen : out) {
          if (seen.name().equals(c.name())) {
            throw fail(field + ".name", "column '" + c.name() + "' is declared twice");
          }
        }
        String type = null;
        if (c.type() != null) {
          type = IcebergTypes.normalize(c.type());
          if (type == null) {
            throw fail(
                field + ".type",
                "unknown type '"
                    + c.type()
                    + "': use an Iceberg type"
                    + " name such as long, int, double, string, boolean, date, timestamp,"
                    + " list<string> or decimal(10,2)");
          }
        }
        out.add(new ColumnExpectation(c.name(), type, Boolean.TRUE.equals(c.required())));
      }
      return out;
    }

    private List<String> ids(String table, List<String> ids, List<ColumnExpectation> columns)
        throws ExpectationsException {
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        if (id == null || id.isBlank()) {
          throw fail(table + ".id_columns[" + i + "]", "empty column name");
        }
        if (!columns.isEmpty() && columns.stream().noneMatch(c -> c.name().equals(id))) {
          throw fail(
              table + ".id_columns[" + i + "]",
              "'"
                  + id
                  + "' is not among the declared"
                  + " columns: declare it under columns or fix the name");
        }
      }
      return ids;
    }

    private List<CustomCheck> checks(String field, List<CheckDoc> docs)
        throws ExpectationsException {
      List<CustomCheck> out = new ArrayList<>();
      if (docs == null) {
        return out;
      }
      for (int i = 0; i < docs.size(); i++) {
        CheckDoc c = docs.get(i);
        String at = field + "[" + i + "]";
        if (c == null || c.name() == null || !c.name().matches("[A-Za-z0-9_.-]+")) {
          throw fail(at + ".name", "every check needs a name of letters, digits, '_', '-', '.'");
        }
        if (checkNames.contains(c.name())) {
          throw fail(
              at + ".name",
              "check name '" + c.name() + "' is used twice: names must be" + " unique in the file");
        }
        if (c.sql() == null || c.sql().isBlank()) {
          throw fail(
              at + ".sql",
              "check '"
                  + c.name()
                  + "' has no SQL: give a query that"
                  + " returns the offending rows (no rows means the check passes)");
        }
        checkNames.add(c.name());
        out.add(new CustomCheck(c.name(), c.sql().strip()));
      }
      return out;
    }

    private ExpectationsException fail(String field, String problem) {
      return new ExpectationsException(source, lineOf(text, segments(field)), field, problem);
    }
  }
}
