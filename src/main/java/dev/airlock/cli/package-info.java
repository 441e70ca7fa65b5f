/** The headless face of the engine: picocli commands, the composition root for a run. */
package dev.airlock.cli;
