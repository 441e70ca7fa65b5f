/**
 * The console's code pane: the selected turn's code, highlighted off the FX thread, with the
 * engine's risk flags, editable while the turn waits for approval, and its diff against the agent.
 */
package dev.airlock.ui.code;
