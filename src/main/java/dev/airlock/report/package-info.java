/**
 * Reports of a run, for handing to someone else: one self-contained Markdown or HTML file rebuilt
 * from the transcript's records alone (the same ones the console and {@code airlock replay} show).
 * Everything the model, its code or the data produced is hostile text here: the renderers escape it
 * and every text passes through a {@link dev.airlock.transcript.Redactor} first.
 */
package dev.airlock.report;
