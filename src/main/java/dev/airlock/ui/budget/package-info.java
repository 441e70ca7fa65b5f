/**
 * The budget question in the console: a small dialog owned by the main window that says what the
 * run used of which limit and takes a new limit (Enter extends, Ctrl+. stops, Esc leaves it open).
 */
package dev.airlock.ui.budget;
