/**
 * Going back over runs: the runs browser (every transcript of the runs folder), the turn record
 * (everything recorded about one turn, live or replayed), and forking a new run from a turn.
 */
package dev.airlock.ui.runs;
