package dev.airlock.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's table document is a storage format: its exact bytes are pinned here. */
class TableDocumentFormatTest {

  @Test
  void documentShapeIsPinned() {
    TableDocument doc =
        new TableDocument(
            1,
            "5f0c",
            "bauplan",
            "fees",
            List.of(
                new TableDocument.Field("ID", false, "long", "BIGINT"),
                new TableDocument.Field("aci", false, "list<string>", "VARCHAR[]")),
            List.of(new TableDocument.DataFile("bauplan/fees/a.parquet", 1000, 5120)),
            1000,
            new TableDocument.LineageDoc(List.of("file:///raw/fees.json"), "run-1", 2));
    String json = new String(doc.toBytes(), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            """
        {
          "format_version" : 1,
          "id" : "5f0c",
          "namespace" : "bauplan",
          "name" : "fees",
          "fields" : [ {
            "name" : "ID",
            "required" : false,
            "type" : "long",
            "duckdb_type" : "BIGINT"
          }, {
            "name" : "aci",
            "required" : false,
            "type" : "list<string>",
            "duckdb_type" : "VARCHAR[]"
          } ],
          "data_files" : [ {
            "path" : "bauplan/fees/a.parquet",
            "records" : 1000,
            "size_bytes" : 5120
          } ],
          "records" : 1000,
          "lineage" : {
            "source_uris" : [ "file:///raw/fees.json" ],
            "run" : "run-1",
            "turn" : 2
          }
        }""");
    assertThat(TableDocument.fromBytes(doc.toBytes())).isEqualTo(doc);
    assertThat(doc.path()).isEqualTo("tables/bauplan/fees.json");
  }

  @Test
  void duckdbTypesMapToIcebergNames() {
    assertThat(DuckTypes.iceberg("BIGINT")).isEqualTo("long");
    assertThat(DuckTypes.iceberg("INTEGER")).isEqualTo("int");
    assertThat(DuckTypes.iceberg("TIMESTAMP WITH TIME ZONE")).isEqualTo("timestamptz");
    assertThat(DuckTypes.iceberg("DECIMAL(10,2)")).isEqualTo("decimal(10,2)");
    assertThat(DuckTypes.iceberg("VARCHAR[]")).isEqualTo("list<string>");
    assertThat(DuckTypes.iceberg("STRUCT(a INTEGER, \"b c\" VARCHAR[])"))
        .isEqualTo("struct<a:int,b c:list<string>>");
    assertThat(DuckTypes.iceberg("MAP(VARCHAR, DOUBLE)")).isEqualTo("map<string,double>");
  }
}
