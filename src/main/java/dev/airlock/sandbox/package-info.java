/**
 * Where the agent's Python runs: the sandbox contract and the local bubblewrap sandbox (no network,
 * read-only system, one workspace, limits, a timeout that kills the whole tree, capped output),
 * plus the explicitly chosen, loudly labelled run without isolation.
 */
package dev.airlock.sandbox;
