/**
 * Git for tables: the embedded lakehouse. {@link dev.airlock.lakehouse.Lakehouse} is the one API
 * (Java, gateway, CLI); {@link dev.airlock.lakehouse.LocalLakehouse} implements it with a bare JGit
 * catalog (one JSON document per table per commit, branches and tags as refs, every ref update a
 * compare-and-swap), DuckDB in-process, and a warehouse of immutable Parquet files. {@code main}
 * changes only through merges, each decided by the injected {@link
 * dev.airlock.lakehouse.MergeGate}, and through the human's revert of a merge (never the gate's or
 * the agent's: the gateway does not offer it); every operation is reported to {@link
 * dev.airlock.lakehouse.LakehouseListener}s. Errors carry Bauplan's wire types ({@link
 * dev.airlock.lakehouse.ErrorType}) so the gateway maps them 1:1 to {@code bauplan.exceptions}.
 */
package dev.airlock.lakehouse;
