package dev.airlock.lakehouse;

/**
 * One column of a table. {@code type} is an Iceberg type name ({@code long}, {@code int}, {@code
 * double}, {@code string}, {@code boolean}, {@code timestamptz}, {@code date}, {@code
 * list<string>}, {@code struct<a:int>}, {@code decimal(10,2)} ...).
 */
public record TableField(String name, boolean required, String type) {}
