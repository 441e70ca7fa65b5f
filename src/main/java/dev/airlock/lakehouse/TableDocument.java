package dev.airlock.lakehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog's versioned JSON document for one table, stored at {@code
 * tables/<namespace>/<name>.json} in each commit's tree. Its bytes are deterministic so an
 * unchanged table keeps the same blob id: the merge and the diff compare tables by that id.
 */
record TableDocument(
    @JsonProperty("format_version") int formatVersion,
    @JsonProperty("id") String id,
    @JsonProperty("namespace") String namespace,
    @JsonProperty("name") String name,
    @JsonProperty("fields") List<Field> fields,
    @JsonProperty("data_files") List<DataFile> dataFiles,
    @JsonProperty("records") long records,
    @JsonProperty("lineage") LineageDoc lineage) {

  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A column: Iceberg type for users, DuckDB type to rebuild and check data exactly. */
  record Field(
      @JsonProperty("name") String name,
      @JsonProperty("required") boolean required,
      @JsonProperty("type") String type,
      @JsonProperty("duckdb_type") String duckdbType) {}

  /** An immutable Parquet file, relative to the warehouse folder. */
  record DataFile(
      @JsonProperty("path") String path,
      @JsonProperty("records") long records,
      @JsonProperty("size_bytes") long sizeBytes) {}

  record LineageDoc(
      @JsonProperty("source_uris") List<String> sourceUris,
      @JsonProperty("run") String run,
      @JsonProperty("turn") Integer turn) {}

  TableName tableName() {
    return new TableName(namespace, name);
  }

  String path() {
    return "tables/" + namespace + "/" + name + ".json";
  }

  TableDocument withAppended(DataFile file, List<String> sources, WriteContext ctx) {
    List<DataFile> files = new ArrayList<>(dataFiles);
    files.add(file);
    List<String> uris = new ArrayList<>(lineage.sourceUris());
    for (String s : sources) {
      if (!uris.contains(s)) {
        uris.add(s);
      }
    }
    return new TableDocument(
        formatVersion,
        id,
        namespace,
        name,
        fields,
        files,
        records + file.records(),
        new LineageDoc(uris, ctx.runId(), ctx.turn()));
  }

  TableInfo toInfo() {
    List<TableField> out =
        fields.stream().map(f -> new TableField(f.name, f.required, f.type)).toList();
    long size = dataFiles.stream().mapToLong(DataFile::sizeBytes).sum();
    return new TableInfo(
        id,
        namespace,
        name,
        out,
        records,
        dataFiles.stream().map(DataFile::path).toList(),
        size,
        new Lineage(lineage.sourceUris(), lineage.run(), lineage.turn()));
  }

  byte[] toBytes() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TableDocument fromBytes(byte[] bytes) {
    try {
      TableDocument doc = JSON.readValue(bytes, TableDocument.class);
      if (doc.formatVersion > FORMAT_VERSION) {
        throw new LakehouseException(
            ErrorType.INTERNAL_ERROR,
            "Table document "
                + doc.namespace
                + "."
                + doc.name
                + " has format version "
                + doc.formatVersion
                + ", newer than this Airlock reads ("
                + FORMAT_VERSION
                + "): upgrade Airlock.",
            Map.of());
      }
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
