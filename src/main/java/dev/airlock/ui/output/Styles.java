package dev.airlock.ui.output;

/** Where the panes' stylesheet lives; each pane adds it to itself, so it needs no setup. */
final class Styles {
  static final String OUTPUT_CSS = "/dev/airlock/ui/styles/output.css";

  private Styles() {}
}
