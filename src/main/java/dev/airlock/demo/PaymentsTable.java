package dev.airlock.demo;

import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * DABStep-shaped payments: the 21 documented columns in their order. Rows come from a seeded {@link
 * SplittableRandom} (its algorithm is specified, so a seed gives the same rows on every JVM).
 * Shoppers repeat across payments, so cards, e-mails and IPs recur as in real traffic.
 */
final class PaymentsTable implements DemoTable {
  static final String[] SCHEMES = {"GlobalCard", "NexPay", "TransactPlus", "SwiftCharge"};
  private static final double[] SCHEME_WEIGHTS = {0.35, 0.3, 0.2, 0.15};
  static final String[] COUNTRIES = {"NL", "BE", "IT", "FR", "ES", "SE", "GR", "LU"};
  private static final double[] COUNTRY_WEIGHTS = {0.2, 0.12, 0.15, 0.15, 0.13, 0.1, 0.08, 0.07};
  private static final String[] DEVICES = {"Windows", "MacOS", "Linux", "iOS", "Android", "Other"};
  private static final double[] DEVICE_WEIGHTS = {0.3, 0.15, 0.05, 0.2, 0.2, 0.1};
  private static final String[] ACI_ONLINE = {"D", "F", "G", "E"};
  private static final double[] ACI_ONLINE_WEIGHTS = {0.45, 0.3, 0.2, 0.05};
  private static final double[] ACI_ONLINE_CDF = cdf(ACI_ONLINE_WEIGHTS);
  private static final String[] ACI_POS = {"A", "B", "C"};
  private static final long PSP_BASE = 10_000_000_000L;
  private static final long PSP_SPAN = 90_000_000_000L;
  private static final int MAX_SHOPPERS = 500_000;

  static final List<Column> COLUMNS =
      List.of(
          new Column("psp_reference", "BIGINT"),
          new Column("merchant", "VARCHAR"),
          new Column("card_scheme", "VARCHAR"),
          new Column("year", "BIGINT"),
          new Column("hour_of_day", "BIGINT"),
          new Column("minute_of_hour", "BIGINT"),
          new Column("day_of_year", "BIGINT"),
          new Column("is_credit", "BOOLEAN"),
          new Column("eur_amount", "DOUBLE"),
          new Column("ip_country", "VARCHAR"),
          new Column("issuing_country", "VARCHAR"),
          new Column("device_type", "VARCHAR"),
          new Column("ip_address", "VARCHAR"),
          new Column("email_address", "VARCHAR"),
          new Column("card_number", "VARCHAR"),
          new Column("shopper_interaction", "VARCHAR"),
          new Column("card_bin", "BIGINT"),
          new Column("has_fraudulent_dispute", "BOOLEAN"),
          new Column("is_refused_by_adyen", "BOOLEAN"),
          new Column("aci", "VARCHAR"),
          new Column("acquirer_country", "VARCHAR"));

  private record Shopper(
      String card,
      String email,
      String ip,
      String country,
      String scheme,
      long bin,
      boolean credit,
      String device) {}

  private final ReferenceData world;
  private final long rows;
  private final long seed;

  PaymentsTable(ReferenceData world, long rows, long seed) {
    this.world = world;
    this.rows = rows;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "payments";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public void forEachRow(Consumer<Object[]> sink) {
    SplittableRandom r = new SplittableRandom(seed);
    long step = pspStep(r);
    long offset = r.nextLong(PSP_SPAN);
    Shopper[] shoppers = shoppers(r, (int) Math.min(MAX_SHOPPERS, Math.max(1, rows / 3)));
    double[] merchantCdf = cdf(world.merchants.stream().mapToDouble(m -> m.weight()).toArray());
    Object[] row = new Object[COLUMNS.size()];
    for (long i = 0; i < rows; i++) {
      // i * step < 5e7 * 9e10 fits in a long; distinct i give distinct references mod the span
      row[0] = PSP_BASE + ((i * step) % PSP_SPAN + offset) % PSP_SPAN;
      fill(row, world.merchants.get(pick(merchantCdf, r)), shoppers[r.nextInt(shoppers.length)], r);
      sink.accept(row);
    }
  }

  private static void fill(Object[] row, ReferenceData.Merchant m, Shopper s, SplittableRandom r) {
    boolean pos = r.nextDouble() < m.posShare();
    String ipCountry = pos || r.nextDouble() < 0.85 ? s.country : pick(COUNTRIES, r);
    boolean fraud = r.nextDouble() < (ipCountry.equals(s.country) ? 0.06 : 0.2);
    row[1] = m.name();
    row[2] = s.scheme;
    row[3] = 2023L;
    row[4] = (long) hour(r);
    row[5] = (long) r.nextInt(60);
    row[6] = (long) (1 + r.nextInt(365));
    row[7] = s.credit;
    row[8] = amountCents(r) / 100.0;
    row[9] = ipCountry;
    row[10] = s.country;
    row[11] = pos ? "Other" : s.device;
    row[12] = pos ? null : s.ip;
    row[13] = s.email;
    row[14] = s.card;
    row[15] = pos ? "POS" : "Ecommerce";
    row[16] = s.bin;
    row[17] = fraud;
    row[18] = r.nextDouble() < 0.06;
    row[19] = pos ? ACI_POS[r.nextInt(ACI_POS.length)] : onlineAci(fraud, r);
    row[20] = acquirerCountry(m, r);
  }

  private static String onlineAci(boolean fraud, SplittableRandom r) {
    // fraud is more likely without 3-D Secure, which the fee rules price in
    return fraud && r.nextBoolean() ? "G" : ACI_ONLINE[pick(ACI_ONLINE_CDF, r)];
  }

  private static String acquirerCountry(ReferenceData.Merchant m, SplittableRandom r) {
    List<ReferenceData.Acquirer> acquirers = m.acquirers();
    int index = acquirers.size() == 1 || r.nextDouble() < 0.7 ? 0 : r.nextInt(acquirers.size());
    return acquirers.get(index).country();
  }

  private static int hour(SplittableRandom r) {
    // daytime-heavy: two draws averaged around mid-afternoon, wrapped to a day
    double h = 14 + (r.nextDouble() + r.nextDouble() - 1) * 12;
    return Math.floorMod((int) Math.floor(h), 24);
  }

  private static long amountCents(SplittableRandom r) {
    double gaussian = gaussian(r);
    double euros = Math.exp(3.9 + 1.05 * gaussian);
    return Math.max(50, Math.min(500_000, Math.round(euros * 100)));
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller, spelled out so the numbers never depend on a JDK's nextGaussian
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static long pspStep(SplittableRandom r) {
    long step = 1 + r.nextLong(PSP_SPAN - 1);
    while (step % 2 == 0 || step % 3 == 0 || step % 5 == 0) {
      step++; // coprime with 9 * 10^10, so the step walks every reference once
    }
    return step;
  }

  private static Shopper[] shoppers(SplittableRandom r, int count) {
    Shopper[] shoppers = new Shopper[count];
    double[] countryCdf = cdf(COUNTRY_WEIGHTS);
    double[] schemeCdf = cdf(SCHEME_WEIGHTS);
    double[] deviceCdf = cdf(DEVICE_WEIGHTS);
    for (int i = 0; i < count; i++) {
      shoppers[i] =
          new Shopper(
              hash(r),
              r.nextDouble() < 0.1 ? null : hash(r),
              r.nextDouble() < 0.18 ? null : hash(r),
              COUNTRIES[pick(countryCdf, r)],
              SCHEMES[pick(schemeCdf, r)],
              1000 + r.nextInt(9000),
              r.nextDouble() < 0.73,
              DEVICES[pick(deviceCdf, r)]);
    }
    return shoppers;
  }

  /** 16 random bytes in URL-safe Base64: 22 characters, like the real hashed identifiers. */
  private static String hash(SplittableRandom r) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 16; i += 8) {
      long v = r.nextLong();
      for (int b = 0; b < 8; b++) {
        bytes[i + b] = (byte) (v >>> (8 * b));
      }
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String pick(String[] values, SplittableRandom r) {
    return values[r.nextInt(values.length)];
  }

  static double[] cdf(double[] weights) {
    double[] cdf = new double[weights.length];
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double running = 0;
    for (int i = 0; i < weights.length; i++) {
      running += weights[i] / sum;
      cdf[i] = running;
    }
    cdf[weights.length - 1] = 1.0;
    return cdf;
  }

  static int pick(double[] cdf, SplittableRandom r) {
    double u = r.nextDouble();
    for (int i = 0; i < cdf.length; i++) {
      if (u < cdf[i]) {
        return i;
      }
    }
    return cdf.length - 1;
  }
}
