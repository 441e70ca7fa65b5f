package dev.airlock.demo;

import java.util.List;

/**
 * Merchant category codes with descriptions written for this project (the codes follow the public
 * ISO 18245 numbering; the wording is ours). Like the real file, some descriptions contain commas
 * and a few codes have a leading zero, so the {@code mcc} column is text (DuckDB infers VARCHAR)
 * while merchants and fee rules hold codes as integers: a join needs a cast, as with the real data.
 */
final class MccCatalog {
  record Mcc(long code, String description) {}

  static final List<Mcc> ENTRIES =
      List.of(
          new Mcc(742, "Veterinarians and animal clinics"),
          new Mcc(763, "Farming cooperatives"),
          new Mcc(780, "Gardening, landscaping and tree services"),
          new Mcc(1520, "Builders of homes, offices and shops"),
          new Mcc(1711, "Heating, plumbing and ventilation contractors"),
          new Mcc(1731, "Electricians and wiring contractors"),
          new Mcc(3000, "Airline, first registered carrier code"),
          new Mcc(3001, "Airline, second registered carrier code"),
          new Mcc(3002, "Airline, third registered carrier code"),
          new Mcc(4111, "Commuter transport, ferries and local trains"),
          new Mcc(4121, "Taxis and ride services"),
          new Mcc(4131, "Bus lines"),
          new Mcc(4411, "Cruise lines and sea travel"),
          new Mcc(4511, "Airlines and air carriers, not listed elsewhere"),
          new Mcc(4722, "Travel agencies and tour operators"),
          new Mcc(4789, "Transport services, not listed elsewhere"),
          new Mcc(4814, "Telecommunication services"),
          new Mcc(4899, "Cable, satellite and streaming television"),
          new Mcc(5251, "Hardware, tools and garden equipment"),
          new Mcc(5411, "Grocery stores and supermarkets"),
          new Mcc(5462, "Bakeries"),
          new Mcc(5533, "Car parts and accessories"),
          new Mcc(5651, "Clothing for the whole family"),
          new Mcc(5719, "Home furnishing, decoration and kitchenware"),
          new Mcc(5732, "Electronics stores"),
          new Mcc(5733, "Music stores, instruments and sheet music"),
          new Mcc(5734, "Computer software stores"),
          new Mcc(5735, "Record and vinyl shops"),
          new Mcc(5812, "Restaurants and eating places"),
          new Mcc(5813, "Bars, pubs and night clubs"),
          new Mcc(5814, "Fast food and takeaway"),
          new Mcc(5815, "Digital goods: books, films and music"),
          new Mcc(5816, "Digital goods: games"),
          new Mcc(5912, "Pharmacies and drug stores"),
          new Mcc(5940, "Bicycle shops, sales and service"),
          new Mcc(5942, "Book stores"),
          new Mcc(5943, "Stationery, office and school supplies"),
          new Mcc(5944, "Jewellery, watches and silverware"),
          new Mcc(5945, "Toys, hobbies and games"),
          new Mcc(5964, "Direct marketing, catalogue merchants"),
          new Mcc(5992, "Florists"),
          new Mcc(5995, "Pet shops, food and supplies"),
          new Mcc(5999, "Specialty retail, not listed elsewhere"),
          new Mcc(7011, "Hotels, motels and resorts"),
          new Mcc(7032, "Camps and holiday parks"),
          new Mcc(7231, "Hair and beauty salons"),
          new Mcc(7298, "Spas and health clubs"),
          new Mcc(7299, "Personal services, not listed elsewhere"),
          new Mcc(7399, "Business services, not listed elsewhere"),
          new Mcc(7512, "Car rental"),
          new Mcc(7513, "Truck and trailer rental"),
          new Mcc(7523, "Parking lots, garages and meters"),
          new Mcc(7832, "Cinemas"),
          new Mcc(7922, "Theatre and concert tickets"),
          new Mcc(7991, "Tourist attractions and exhibits"),
          new Mcc(7995, "Betting, lotteries and casino chips"),
          new Mcc(7997, "Membership clubs: sports, fitness and golf"),
          new Mcc(7999, "Recreation services, not listed elsewhere"),
          new Mcc(8011, "Doctors and physicians"),
          new Mcc(8021, "Dentists and orthodontists"),
          new Mcc(8049, "Podiatrists and chiropodists"),
          new Mcc(8062, "Hospitals"),
          new Mcc(8742, "Management consulting"),
          new Mcc(9399, "Government services, not listed elsewhere"));

  /** Related codes that fee rules name together, like the real rules' MCC lists. */
  static final List<List<Long>> FEE_GROUPS =
      List.of(
          List.of(8011L, 8021L, 8049L, 8062L, 7298L, 7231L, 7299L),
          List.of(4111L, 4121L, 4131L, 4411L, 4511L, 4789L, 7513L, 7523L),
          List.of(5734L, 5735L, 5815L, 5816L, 5912L, 7399L, 5964L, 5999L),
          List.of(5812L, 5813L, 5814L, 7832L, 7922L, 7995L, 7999L),
          List.of(3000L, 3001L, 3002L, 4722L, 7011L, 7032L, 7512L, 7991L),
          List.of(5411L, 5462L, 5651L, 5719L, 5732L, 5733L, 5940L, 5942L),
          List.of(5943L, 5944L, 5945L, 5992L, 5995L, 5251L, 5533L),
          List.of(7997L, 7999L, 7991L, 4899L, 4814L, 8742L, 9399L));

  private MccCatalog() {}
}
