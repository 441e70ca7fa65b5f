package dev.airlock.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.verify.Expectations.ColumnExpectation;
import dev.airlock.verify.Expectations.TableExpectation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void theBuiltinDemoExpectationsDeclareTheFiveDemoTables() throws Exception {
    Expectations demo = ExpectationsLoader.load("builtin:demo");

    assertThat(demo.source()).isEqualTo("builtin:demo");
    assertThat(demo.tables())
        .extracting(TableExpectation::fqn)
        .containsExactly(
            "bauplan.payments",
            "bauplan.acquirer_countries",
            "bauplan.merchant_category_codes",
            "bauplan.merchant_data",
            "bauplan.fees");
    TableExpectation payments = demo.table("bauplan.payments").orElseThrow();
    assertThat(payments.columns()).hasSize(21);
    assertThat(payments.idColumns()).containsExactly("psp_reference");
    assertThat(demo.table("bauplan.fees").orElseThrow().columns())
        .contains(new ColumnExpectation("merchant_category_code", "list<long>", false));
  }

  @Test
  void yamlAndJsonFilesReadTheSameWithSqlSpellingsOfTypesNormalized() throws Exception {
    Path yaml =
        write(
            "e.yaml",
            """
        dataset: shop
        tables:
          sales.orders:
            min_rows: 0
            id_columns: [order_id]
            allow_extra_columns: true
            columns:
              - {name: order_id, type: BIGINT, required: true}
              - {name: tags, type: "list< varchar >"}
        checks:
          - name: no_negative
            sql: SELECT * FROM sales.orders WHERE total < 0
        """);
    Path json =
        write(
            "e.json",
            """
        {"dataset": "shop", "tables": {"sales.orders": {"min_rows": 0,
          "id_columns": ["order_id"], "allow_extra_columns": true,
          "columns": [{"name": "order_id", "type": "long", "required": true},
                      {"name": "tags", "type": "list<string>"}]}},
         "checks": [{"name": "no_negative",
                     "sql": "SELECT * FROM sales.orders WHERE total < 0"}]}
        """);

    Expectations fromYaml = ExpectationsLoader.load(yaml);
    Expectations fromJson = ExpectationsLoader.load(json);

    assertThat(fromYaml.tables()).isEqualTo(fromJson.tables());
    assertThat(fromYaml.checks()).isEqualTo(fromJson.checks());
    TableExpectation orders = fromYaml.tables().get(0);
    assertThat(orders.fqn()).isEqualTo("sales.orders");
    assertThat(orders.minRows()).isZero();
    assertThat(orders.columns())
        .containsExactly(
            new ColumnExpectation("order_id", "long", true),
            new ColumnExpectation("tags", "list<string>", false));
  }

  @Test
  void aTableWithoutIdColumnsLeavesThemToDetection() throws Exception {
    Expectations e = ExpectationsLoader.load(write("e.yaml", "tables:\n  fees:\n"));

    assertThat(e.tables().get(0).idColumns()).isNull();
    assertThat(e.tables().get(0).minRows()).isEqualTo(1);
  }

  @Test
  void anUnknownFieldNamesTheFileTheLineAndTheKnownFields() throws Exception {
    Path file = write("bad.yaml", "tables:\n  fees:\n    id_column: [ID]\n");

    assertThatThrownBy(() -> ExpectationsLoader.load(file))
        .isInstanceOf(ExpectationsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("field tables.fees.id_column")
        .hasMessageContaining("unknown field 'id_column'")
        .hasMessageContaining("id_columns")
        .satisfies(t -> assertThat(((ExpectationsException) t).line()).isEqualTo(3));
  }

  @Test
  void aValueOfTheWrongKindNamesTheLineAndField() throws Exception {
    Path file = write("bad.yaml", "tables:\n  fees:\n    min_rows: lots\n");

    assertThatThrownBy(() -> ExpectationsLoader.load(file))
        .hasMessageContaining("line 3")
        .hasMessageContaining("field tables.fees.min_rows")
        .hasMessageContaining("lots");
  }

  @Test
  void brokenYamlNamesTheLine() throws Exception {
    Path file = write("bad.yaml", "tables:\n  fees:\n    columns: [\n  oops: 1\n");

    assertThatThrownBy(() -> ExpectationsLoader.load(file))
        .isInstanceOf(ExpectationsException.class)
        .hasMessageStartingWith("Expectations file " + file + ", line ");
  }

  @Test
  void semanticProblemsNameTheFieldAndWhatToFix() throws Exception {
    List<String[]> cases =
        List.of(
            new String[] {
              "tables:\n  fees:\n    columns:\n      - {name: ID, type: bigint2}\n",
              "field tables.fees.columns[0].type",
              "unknown type 'bigint2'"
            },
            new String[] {
              "tables:\n  fees:\n    columns:\n      - {type: long}\n",
              "field tables.fees.columns[0].name",
              "every column needs a name"
            },
            new String[] {
              "tables:\n  fees:\n    columns:\n      - {name: ID}\n    id_columns: [id]\n",
              "field tables.fees.id_columns[0]",
              "'id' is not among the declared columns"
            },
            new String[] {
              "checks:\n  - name: a\n    sql: SELECT 1\n  - name: a\n    sql: SELECT 2\n",
              "field checks[1].name",
              "used twice"
            },
            new String[] {"checks:\n  - name: a\n", "field checks[0].sql", "has no SQL"},
            new String[] {"tables:\n  bad-name:\n", "field tables.bad-name", "not a table name"},
            new String[] {"dataset: x\n", "Expectations file", "nothing is declared"},
            new String[] {
              "tables:\n  fees:\n    min_rows: -1\n",
              "field tables.fees.min_rows",
              "must be 0 or more"
            });
    for (String[] c : cases) {
      assertThatThrownBy(() -> ExpectationsLoader.parse(c[0], "x.yaml", false))
          .as(c[0])
          .isInstanceOf(ExpectationsException.class)
          .hasMessageStartingWith("Expectations file x.yaml")
          .hasMessageContaining(c[1])
          .hasMessageContaining(c[2]);
    }
  }

  @Test
  void aSemanticProblemInABlockListNamesItsLine() {
    String text =
        """
        tables:
          fees:
            columns:
              - name: ID
                type: long
              - name: rate
                type: percentage
        """;

    assertThatThrownBy(() -> ExpectationsLoader.parse(text, "x.yaml", false))
        .hasMessageStartingWith(
            "Expectations file x.yaml, line 7, field"
                + " tables.fees.columns[1].type: unknown type 'percentage'");
  }

  @Test
  void aMissingFileOrBuiltinSaysWhatToDo() {
    assertThatThrownBy(() -> ExpectationsLoader.load(dir.resolve("nope.yaml").toString()))
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> ExpectationsLoader.load("builtin:shop"))
        .hasMessageContaining("builtin:shop")
        .hasMessageContaining("use builtin:demo");
  }
}
