package dev.airlock.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The invented world behind the payments: acquirers with their countries and merchants with their
 * category, account type, capture delay and acquirers. Names and categories are fixed so the demo
 * reads the same every time; the seed decides capture delays, acquirer choices and volumes.
 */
final class ReferenceData {
  record Acquirer(String name, String country) {}

  record Merchant(
      String name,
      long mcc,
      String accountType,
      String captureDelay,
      List<Acquirer> acquirers,
      double weight,
      double posShare) {}

  static final List<Acquirer> ACQUIRERS =
      List.of(
          new Acquirer("harbour_trust", "NL"),
          new Acquirer("north_star_savings", "SE"),
          new Acquirer("lion_gate_bank", "BE"),
          new Acquirer("olive_grove_credit", "GR"),
          new Acquirer("duchy_capital", "LU"),
          new Acquirer("siena_merchant_bank", "IT"),
          new Acquirer("bastille_acquiring", "FR"),
          new Acquirer("iberia_payments", "ES"),
          new Acquirer("rhine_clearing_house", "NL"),
          new Acquirer("fjord_mutual", "SE"));

  /** Name, MCC, account type (R retail, D digital, H hospitality, F franchise, S SaaS). */
  private static final List<Object[]> MERCHANTS =
      List.of(
          new Object[] {"Harbour_Bikes", 5940L, "R"},
          new Object[] {"Lumen_Books", 5942L, "R"},
          new Object[] {"Copper_Kettle_Cafe", 5814L, "H"},
          new Object[] {"Blue_Fjord_Fitness", 7997L, "F"},
          new Object[] {"Nordic_Pixel_Games", 5816L, "D"},
          new Object[] {"Saffron_Table", 5812L, "H"},
          new Object[] {"Tidewater_Hotel", 7011L, "H"},
          new Object[] {"Alto_Music_Store", 5733L, "R"},
          new Object[] {"Cobalt_Cloud_Apps", 5734L, "D"},
          new Object[] {"Marigold_Florist", 5992L, "R"},
          new Object[] {"Pinewood_Pharmacy", 5912L, "R"},
          new Object[] {"Ember_Cinema", 7832L, "H"},
          new Object[] {"Atlas_Travel_Desk", 4722L, "D"},
          new Object[] {"Quayside_Parking", 7523L, "S"},
          new Object[] {"Velvet_Tailors", 5651L, "R"},
          new Object[] {"Granite_Hardware", 5251L, "R"},
          new Object[] {"Orbit_Streaming", 4899L, "S"},
          new Object[] {"Meadow_Bakery", 5462L, "F"},
          new Object[] {"Kite_Taxi_Co", 4121L, "S"},
          new Object[] {"Summit_Ski_Rental", 7999L, "F"},
          new Object[] {"Crescent_Jewellers", 5944L, "R"},
          new Object[] {"Lantern_Pet_Supplies", 5995L, "R"},
          new Object[] {"Riverside_Dental", 8021L, "S"},
          new Object[] {"Mosaic_Home_Decor", 5719L, "R"},
          new Object[] {"Nimbus_Air_Club", 4511L, "D"},
          new Object[] {"Ferro_Auto_Parts", 5533L, "R"},
          new Object[] {"Sage_Yoga_Studio", 7997L, "F"},
          new Object[] {"Pebble_Toy_Box", 5945L, "R"},
          new Object[] {"Quill_Stationers", 5943L, "R"},
          new Object[] {"Beacon_Electronics", 5732L, "R"});

  private static final String[] CAPTURE_DELAYS = {"manual", "immediate", "1", "2", "7"};
  private static final Map<String, Double> POS_SHARE =
      Map.of("R", 0.25, "H", 0.45, "F", 0.3, "D", 0.0, "S", 0.05);

  final List<Merchant> merchants;

  ReferenceData(long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDC0FFEEL);
    List<Merchant> list = new ArrayList<>();
    for (Object[] m : MERCHANTS) {
      String accountType = (String) m[2];
      list.add(
          new Merchant(
              (String) m[0],
              (Long) m[1],
              accountType,
              CAPTURE_DELAYS[random.nextInt(CAPTURE_DELAYS.length)],
              pickAcquirers(random),
              // a few big merchants and a long tail, as in any acquirer's book
              Math.pow(random.nextDouble(0.1, 1.0), 2),
              POS_SHARE.get(accountType)));
    }
    merchants = List.copyOf(list);
  }

  private static List<Acquirer> pickAcquirers(SplittableRandom random) {
    int count = 1 + random.nextInt(4);
    List<Acquirer> pool = new ArrayList<>(ACQUIRERS);
    List<Acquirer> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      picked.add(pool.remove(random.nextInt(pool.size())));
    }
    return List.copyOf(picked);
  }
}
