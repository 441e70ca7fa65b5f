package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.ImportResult;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.QueryResult;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.lakehouse.TableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Namespaces, tables, imports and queries. A write without {@code branch} targets {@code main}, as
 * the cloud's default would, and is refused there like any direct write to {@code main}.
 */
final class TableMethods {
  private final Lakehouse lakehouse;
  private final WireFormat wire;
  private final QueryEncoder encoder;
  private final ObjectMapper json;
  private final int maxRows;
  private final SourcePolicy sources;

  TableMethods(Lakehouse lakehouse, WireFormat wire, ObjectMapper json, GatewayOptions options) {
    this.lakehouse = lakehouse;
    this.wire = wire;
    this.encoder = new QueryEncoder(json);
    this.json = json;
    this.maxRows = options.maxRows();
    this.sources = options.sourcePolicy();
  }

  void register(Map<String, GatewayMethod> methods) {
    methods.put("create_namespace", this::createNamespace);
    methods.put("has_namespace", this::hasNamespace);
    methods.put("get_namespace", this::getNamespace);
    methods.put("get_namespaces", this::getNamespaces);
    methods.put("create_table", this::createTable);
    methods.put("import_data", this::importData);
    methods.put("get_table", (p, c) -> tableReply(lakehouse.table(p.required("ref"), fqn(p))));
    methods.put("has_table", this::hasTable);
    methods.put("get_tables", this::getTables);
    methods.put("delete_table", this::deleteTable);
    methods.put("revert_table", this::revertTable);
    methods.put("query", this::query);
  }

  private Reply createNamespace(Params p, MethodContext c) {
    String namespace = p.required("namespace");
    try {
      lakehouse.createNamespace(
          namespace, p.required("branch"), c.write(null, p.properties("commit_properties")));
    } catch (LakehouseException e) {
      if (!(p.flag("if_not_exists") && e.errorType() == ErrorType.NAMESPACE_EXISTS)) {
        throw e;
      }
    }
    return new Reply(json.createObjectNode().put("name", namespace), "namespace " + namespace);
  }

  private Reply hasNamespace(Params p, MethodContext c) {
    boolean has = lakehouse.hasNamespace(p.required("namespace"), p.required("ref"));
    return new Reply(BooleanNode.valueOf(has), String.valueOf(has));
  }

  private Reply getNamespace(Params p, MethodContext c) {
    String namespace = p.required("namespace");
    String ref = p.required("ref");
    if (!lakehouse.hasNamespace(namespace, ref)) {
      throw new LakehouseException(
          ErrorType.NAMESPACE_NOT_FOUND,
          "Namespace '"
              + namespace
              + "' does not exist on '"
              + ref
              + "': create it with create_namespace, or use the default namespace 'bauplan'.",
          Map.of(
              "namespace_name",
              namespace,
              "input_ref",
              ref,
              "catalog_ref",
              lakehouse.resolve(ref)));
    }
    return new Reply(json.createObjectNode().put("name", namespace), "namespace " + namespace);
  }

  private Reply getNamespaces(Params p, MethodContext c) {
    String filter = p.optional("filter_by_name");
    ArrayNode array = json.createArrayNode();
    lakehouse.namespaces(p.required("ref")).stream()
        .filter(n -> filter == null || n.contains(filter))
        .forEach(n -> array.addObject().put("name", n));
    return new Reply(array, array.size() + " namespaces");
  }

  /**
   * Files uploaded with the call are read from their private copies; a {@code search_uri} alone is
   * a location the host reads itself (raw data, S3), as the source policy allows.
   */
  private Reply createTable(Params p, MethodContext c) {
    String table = fqn(p);
    String branch = p.orDefault("branch", Lakehouse.MAIN);
    TableInfo created =
        hidingHostPaths(
            c,
            () ->
                c.upload() != null
                    ? lakehouse.createTable(
                        table, c.upload(), branch, p.flag("replace"), c.write(null, Map.of()))
                    : lakehouse.createTable(
                        table,
                        sources.apply(p.required("search_uri")),
                        branch,
                        p.flag("replace"),
                        c.write(null, Map.of())));
    return tableReply(created);
  }

  private Reply importData(Params p, MethodContext c) {
    String table = fqn(p);
    String branch = p.orDefault("branch", Lakehouse.MAIN);
    ImportResult result =
        hidingHostPaths(
            c,
            () ->
                c.upload() != null
                    ? lakehouse.importData(table, c.upload(), branch, c.write(null, Map.of()))
                    : lakehouse.importData(
                        table,
                        sources.apply(p.required("search_uri")),
                        branch,
                        c.write(null, Map.of())));
    ObjectNode state = json.createObjectNode();
    state.put("job_id", result.head().hash());
    state.put("job_status", "SUCCESS");
    state.putNull("error");
    state.put("rows_imported", result.rowsImported());
    state.put("records", result.records());
    state.set("ref", wire.ref(result.head()));
    return new Reply(state, result.rowsImported() + " rows into " + result.fqn());
  }

  private Reply hasTable(Params p, MethodContext c) {
    try {
      lakehouse.table(p.required("ref"), fqn(p));
      return new Reply(BooleanNode.TRUE, "true");
    } catch (LakehouseException e) {
      if (e.errorType() == ErrorType.TABLE_NOT_FOUND) {
        return new Reply(BooleanNode.FALSE, "false");
      }
      throw e;
    }
  }

  private Reply getTables(Params p, MethodContext c) {
    String name = p.optional("filter_by_name");
    String namespace = p.optional("filter_by_namespace");
    List<TableInfo> tables =
        lakehouse.tables(p.required("ref")).stream()
            .filter(t -> name == null || t.name().contains(name))
            .filter(t -> namespace == null || t.namespace().equals(namespace))
            .toList();
    return new Reply(wire.tables(tables), tables.size() + " tables");
  }

  private Reply deleteTable(Params p, MethodContext c) {
    String branch = p.required("branch");
    try {
      var head =
          lakehouse.deleteTable(fqn(p), branch, c.write(null, p.properties("commit_properties")));
      return new Reply(wire.ref(head), "branch " + head);
    } catch (LakehouseException e) {
      if (p.flag("if_exists") && e.errorType() == ErrorType.TABLE_NOT_FOUND) {
        var head = lakehouse.branch(branch);
        return new Reply(wire.ref(head), "no table; branch " + head);
      }
      throw e;
    }
  }

  private Reply revertTable(Params p, MethodContext c) {
    var head =
        lakehouse.revertTable(
            fqn(p),
            p.required("source_ref"),
            p.required("into_branch"),
            p.flag("replace"),
            c.write(null, p.properties("commit_properties")));
    return new Reply(wire.ref(head), "branch " + head);
  }

  private Reply query(Params p, MethodContext c) {
    String sql = p.required("query");
    String ref = p.orDefault("ref", Lakehouse.MAIN);
    Integer asked = p.count("max_rows");
    int cap = asked == null ? maxRows : Math.min(asked, maxRows);
    QueryResult result = lakehouse.query(sql, ref, cap);
    if (result.truncated() && (asked == null || asked > maxRows)) {
      throw new LakehouseException(
          ErrorType.QUERY_FAILED,
          "The query returns more than "
              + maxRows
              + " rows, more than the gateway sends at once:"
              + " aggregate or filter in SQL, or pass max_rows.",
          Map.of("input_ref", ref));
    }
    return new Reply(encoder.encode(result), result.rowCount() + " rows");
  }

  /**
   * Runs a read of a source; its error names files as the code named them (its upload's sandbox
   * paths, {@code /raw/...}), never the host folders behind them.
   */
  private <T> T hidingHostPaths(MethodContext c, Supplier<T> read) {
    try {
      return read.get();
    } catch (LakehouseException e) {
      String message =
          sources.hideHostPaths(
              c.upload() == null ? e.getMessage() : c.upload().hidePaths(e.getMessage()));
      Map<String, Object> context = new LinkedHashMap<>();
      e.context()
          .forEach(
              (k, v) ->
                  context.put(
                      k,
                      v instanceof String text
                          ? sources.hideHostPaths(
                              c.upload() == null ? text : c.upload().hidePaths(text))
                          : v));
      throw new LakehouseException(e.errorType(), message, context);
    }
  }

  private Reply tableReply(TableInfo table) {
    return new Reply(wire.table(table), table.fqn() + " (" + table.records() + " rows)");
  }

  private static String fqn(Params p) {
    return TableName.of(p.required("table"), p.optional("namespace")).fqn();
  }
}
