/**
 * The merge gate dialog: the evidence bundle of a merge into main (tables, checks, provenance,
 * cost, previews) and the supervisor's answer. {@link MergeGateModel} holds its logic,
 * toolkit-free.
 */
package dev.airlock.ui.merge;
