/**
 * The New run dialog (Ctrl+N): a run described field by field, checked as the command line checks
 * it, each problem shown beside its field, then started in the console's window.
 */
package dev.airlock.ui.newrun;
