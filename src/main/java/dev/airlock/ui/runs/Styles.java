package dev.airlock.ui.runs;

/** The stylesheet of this package's views, added to each view's own stylesheets. */
final class Styles {
  private Styles() {}

  static String url() {
    return Styles.class.getResource("/dev/airlock/ui/styles/runs.css").toExternalForm();
  }
}
