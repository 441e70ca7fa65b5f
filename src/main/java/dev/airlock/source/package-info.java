/**
 * Raw data locations the agent imports from: s3:// (aws-sdk-java-v2), file:// and plain paths,
 * streamed to a staging folder, never loaded whole into memory.
 */
package dev.airlock.source;
