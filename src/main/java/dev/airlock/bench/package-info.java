/**
 * Paired benchmarks: each figure times Airlock against a fair baseline in the same run, alternating
 * which goes first, and reports the spread of per-pair ratios against a target. A leaf package.
 */
package dev.airlock.bench;
