package dev.airlock.demo;

import java.util.List;
import java.util.function.Consumer;

/**
 * A generated table: columns and a row stream. Values are {@code String}, {@code Long}, {@code
 * Double}, {@code Boolean}, {@code List<?>} or null. Rows are produced on demand so a large
 * payments table never sits in memory; the array passed to the consumer may be reused.
 */
interface DemoTable {
  String name();

  List<Column> columns();

  /** Emits every row in order; the same table emits the same rows every time. */
  void forEachRow(Consumer<Object[]> sink);
}
