/**
 * The console's settings and remembered New-run choices ({@code console.json} in the config
 * folder), and the Settings dialog. Never a key: only which variables are set is ever shown.
 */
package dev.airlock.ui.settings;
