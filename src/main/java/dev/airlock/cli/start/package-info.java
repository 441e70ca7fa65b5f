/**
 * {@code airlock bench}'s "start" area: whole Airlock processes, started the way a user starts
 * them, against the smallest Java programs that do the same work (a hello-world; DuckDB alone on
 * the same files).
 */
package dev.airlock.cli.start;
