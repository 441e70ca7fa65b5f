/**
 * Git for tables: the embedded lakehouse (JGit catalog, DuckDB engine, Parquet warehouse), its
 * protection of main, the merge gate seam and the gateway that serves sandboxed code.
 */
package dev.airlock.lakehouse;
