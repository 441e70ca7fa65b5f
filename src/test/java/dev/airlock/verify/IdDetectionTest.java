package dev.airlock.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.Lineage;
import dev.airlock.lakehouse.TableField;
import dev.airlock.lakehouse.TableInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdDetectionTest {
  private static TableInfo table(String name, TableField... fields) {
    return new TableInfo(
        "t1", "bauplan", name, Arrays.asList(fields), 0, List.of(), 0, Lineage.none());
  }

  private static TableField f(String name, String type) {
    return new TableField(name, false, type);
  }

  @Test
  void idsAreDetectedByNameButForeignKeysAndListsAreNot() {
    TableInfo payments =
        table(
            "payments",
            f("psp_reference", "long"),
            f("merchant_id", "long"),
            f("payment_id", "string"),
            f("paid", "boolean"));
    TableInfo fees =
        table(
            "fees",
            f("ID", "long"),
            f("merchant_category_code", "list<long>"),
            f("fee_id", "long"));
    TableInfo tags = table("tags", f("id", "list<string>"), f("Id", "int"));

    assertThat(TableChecks.idColumns(payments, Optional.empty()))
        .containsExactly("psp_reference", "payment_id");
    assertThat(TableChecks.idColumns(fees, Optional.empty())).containsExactly("ID", "fee_id");
    assertThat(TableChecks.idColumns(tags, Optional.empty())).containsExactly("Id");
  }

  @Test
  void declaredIdColumnsReplaceDetectionAndAnEmptyListTurnsItOff() throws Exception {
    TableInfo fees = table("fees", f("ID", "long"), f("rate", "long"));
    Expectations declared =
        ExpectationsLoader.parse("tables:\n  fees:\n    id_columns: [rate]\n", "x.yaml", false);
    Expectations none =
        ExpectationsLoader.parse("tables:\n  fees:\n    id_columns: []\n", "x.yaml", false);

    assertThat(TableChecks.idColumns(fees, declared.table("bauplan.fees"))).containsExactly("rate");
    assertThat(TableChecks.idColumns(fees, none.table("bauplan.fees"))).isEmpty();
  }
}
