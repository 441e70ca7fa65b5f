package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.TableField;
import dev.airlock.lakehouse.TableInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of lakehouse objects on the wire, as the Python client reads them (see
 * docs/gateway-protocol.md). Times are ISO-8601 with microseconds at most, which every Python 3
 * {@code datetime.fromisoformat} accepts.
 */
final class WireFormat {
  private final ObjectMapper json;

  WireFormat(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode ref(Ref ref) {
    ObjectNode node = json.createObjectNode();
    node.put("type", ref.type().name());
    node.put("name", ref.name());
    node.put("hash", ref.hash());
    return node;
  }

  ArrayNode refs(List<Ref> refs) {
    ArrayNode array = json.createArrayNode();
    refs.forEach(r -> array.add(ref(r)));
    return array;
  }

  ObjectNode table(TableInfo table) {
    ObjectNode node = json.createObjectNode();
    node.put("id", table.id());
    node.put("name", table.name());
    node.put("namespace", table.namespace());
    node.put("kind", "Table");
    node.put("records", table.records());
    node.put("size", table.sizeBytes());
    node.put("snapshots", table.dataFiles().size());
    ArrayNode fields = node.putArray("fields");
    int id = 1;
    for (TableField field : table.fields()) {
      ObjectNode f = fields.addObject();
      f.put("id", id++);
      f.put("name", field.name());
      f.put("required", field.required());
      f.put("type", field.type());
    }
    node.putArray("partitions");
    ObjectNode properties = node.putObject("properties");
    if (table.lineage() != null) {
      properties.put("airlock.sources", String.join(",", table.lineage().sourceUris()));
      if (table.lineage().runId() != null) {
        properties.put("airlock.run", table.lineage().runId());
      }
      if (table.lineage().turn() != null) {
        properties.put("airlock.turn", table.lineage().turn().toString());
      }
    }
    return node;
  }

  ArrayNode tables(List<TableInfo> tables) {
    ArrayNode array = json.createArrayNode();
    tables.forEach(t -> array.add(table(t)));
    return array;
  }

  /** A commit as seen from {@code ref} (its name and type; the hash is the commit's own). */
  ObjectNode commit(Commit commit, Ref ref) {
    ObjectNode node = json.createObjectNode();
    node.put("hash", commit.hash());
    ObjectNode commitRef = node.putObject("ref");
    commitRef.put("type", ref.type().name());
    commitRef.put("name", ref.name());
    commitRef.put("hash", commit.hash());
    node.put("message", commit.message());
    ObjectNode author = json.createObjectNode();
    author.put("name", commit.author());
    author.putNull("email");
    node.putArray("authors").add(author);
    node.set("committer", author.deepCopy());
    node.put("authored_date", instant(commit.time()));
    node.put("committed_date", instant(commit.time()));
    ArrayNode parents = node.putArray("parent_hashes");
    commit.parents().forEach(parents::add);
    ObjectNode properties = node.putObject("properties");
    commit.properties().forEach(properties::put);
    return node;
  }

  /** Error context values (strings, numbers, lists, refs) as JSON; refs in their wire shape. */
  ObjectNode context(Map<String, Object> context) {
    ObjectNode node = json.createObjectNode();
    context.forEach((key, value) -> node.set(key, contextValue(value)));
    return node;
  }

  private JsonNode contextValue(Object value) {
    if (value instanceof Ref ref) {
      return ref(ref);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = json.createArrayNode();
      list.forEach(v -> array.add(contextValue(v)));
      return array;
    }
    return json.valueToTree(
        value == null
            ? null
            : value instanceof Number || value instanceof Boolean ? value : value.toString());
  }

  static String instant(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MICROS).toString();
  }
}
