/** The JavaFX console. The only package that may import JavaFX; nothing imports it. */
package dev.airlock.ui;
