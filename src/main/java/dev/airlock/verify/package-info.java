/** The audit: checks on a ref with their evidence, expectations per dataset, reports. */
package dev.airlock.verify;
