/**
 * The reasoning and output panes of the selected turn, and the benchmark that measures the output
 * pane under a stream of 100,000 lines and the console window's start against a bare window.
 */
package dev.airlock.ui.output;
