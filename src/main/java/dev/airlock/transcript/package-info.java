/**
 * The append-only JSON Lines record of a run, flushed per event, versioned; the source of truth
 * that live and replayed runs both render from.
 */
package dev.airlock.transcript;
