package dev.airlock.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The four small context tables, with the column names and types DuckDB infers from DABStep's real
 * files, filled from {@link ReferenceData} and {@link MccCatalog}.
 */
final class ContextTables {
  private static final String[] SCHEMES = PaymentsTable.SCHEMES;
  private static final String[] ACCOUNT_TYPES = {"R", "D", "H", "F", "S", "O"};
  private static final String[] FEE_DELAYS = {"immediate", "<3", "3-5", ">5", "manual"};
  private static final String[] FRAUD_LEVELS = {"<7.2%", "7.2%-7.7%", "7.7%-8.3%", ">8.3%"};
  private static final String[] VOLUMES = {"<100k", "100k-1m", "1m-5m", ">5m"};
  private static final String[] ACIS = {"A", "B", "C", "D", "E", "F", "G"};
  static final int FEE_RULES = 1000;

  private ContextTables() {}

  /** A small table held in memory. */
  private record ListTable(String name, List<Column> columns, List<Object[]> rows)
      implements DemoTable {
    @Override
    public void forEachRow(Consumer<Object[]> sink) {
      rows.forEach(r -> sink.accept(r.clone()));
    }
  }

  static DemoTable acquirerCountries() {
    List<Object[]> rows = new ArrayList<>();
    for (ReferenceData.Acquirer a : ReferenceData.ACQUIRERS) {
      rows.add(new Object[] {(long) rows.size(), a.name(), a.country()});
    }
    return new ListTable(
        "acquirer_countries",
        List.of(
            new Column("id", "BIGINT"),
            new Column("acquirer", "VARCHAR"),
            new Column("country_code", "VARCHAR")),
        rows);
  }

  static DemoTable merchantCategoryCodes() {
    List<Object[]> rows = new ArrayList<>();
    for (MccCatalog.Mcc m : MccCatalog.ENTRIES) {
      rows.add(
          new Object[] {
            (long) rows.size(), String.format(Locale.ROOT, "%04d", m.code()), m.description()
          });
    }
    return new ListTable(
        "merchant_category_codes",
        List.of(
            new Column("id", "BIGINT"),
            new Column("mcc", "VARCHAR"),
            new Column("description", "VARCHAR")),
        rows);
  }

  static DemoTable merchantData(ReferenceData world) {
    List<Object[]> rows = new ArrayList<>();
    for (ReferenceData.Merchant m : world.merchants) {
      List<String> acquirers = m.acquirers().stream().map(ReferenceData.Acquirer::name).toList();
      rows.add(new Object[] {m.name(), m.captureDelay(), acquirers, m.mcc(), m.accountType()});
    }
    return new ListTable(
        "merchant_data",
        List.of(
            new Column("merchant", "VARCHAR"),
            new Column("capture_delay", "VARCHAR"),
            new Column("acquirer", "VARCHAR[]"),
            new Column("merchant_category_code", "BIGINT"),
            new Column("account_type", "VARCHAR")),
        rows);
  }

  static DemoTable fees(long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0xFEE5L);
    List<Object[]> rows = new ArrayList<>();
    for (long id = 1; id <= FEE_RULES; id++) {
      rows.add(feeRule(id, r));
    }
    return new ListTable(
        "fees",
        List.of(
            new Column("ID", "BIGINT"),
            new Column("card_scheme", "VARCHAR"),
            new Column("account_type", "VARCHAR[]"),
            new Column("capture_delay", "VARCHAR"),
            new Column("monthly_fraud_level", "VARCHAR"),
            new Column("monthly_volume", "VARCHAR"),
            new Column("merchant_category_code", "BIGINT[]"),
            new Column("is_credit", "BOOLEAN"),
            new Column("aci", "VARCHAR[]"),
            new Column("fixed_amount", "DOUBLE"),
            new Column("rate", "BIGINT"),
            new Column("intracountry", "DOUBLE")),
        rows);
  }

  // Null means "applies to every value", as in the real rules; the shares of nulls follow them.
  private static Object[] feeRule(long id, SplittableRandom r) {
    List<Long> mccs =
        r.nextDouble() < 0.13
            ? List.of()
            : MccCatalog.FEE_GROUPS.get(r.nextInt(MccCatalog.FEE_GROUPS.size()));
    return new Object[] {
      id,
      SCHEMES[r.nextInt(SCHEMES.length)],
      r.nextDouble() < 0.72 ? List.of() : subset(ACCOUNT_TYPES, 1 + r.nextInt(2), r),
      r.nextDouble() < 0.5 ? null : FEE_DELAYS[r.nextInt(FEE_DELAYS.length)],
      r.nextDouble() < 0.9 ? null : FRAUD_LEVELS[r.nextInt(FRAUD_LEVELS.length)],
      r.nextDouble() < 0.8 ? null : VOLUMES[r.nextInt(VOLUMES.length)],
      mccs,
      r.nextDouble() < 0.1 ? null : r.nextBoolean(),
      r.nextDouble() < 0.11 ? List.of() : subset(ACIS, 1 + r.nextInt(3), r),
      r.nextInt(15) / 100.0,
      (long) (9 + r.nextInt(91)),
      r.nextDouble() < 0.56 ? null : (r.nextBoolean() ? 1.0 : 0.0)
    };
  }

  private static List<String> subset(String[] values, int count, SplittableRandom r) {
    List<String> pool = new ArrayList<>(List.of(values));
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      picked.add(pool.remove(r.nextInt(pool.size())));
    }
    return List.copyOf(picked);
  }
}
