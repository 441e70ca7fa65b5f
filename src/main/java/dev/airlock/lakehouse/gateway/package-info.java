/**
 * The lakehouse gateway: serves sandboxed code (Airlock's {@code bauplan} Python package) over a
 * Unix domain socket, one JSON line per request, and reports every call as an event of the turn.
 */
package dev.airlock.lakehouse.gateway;
