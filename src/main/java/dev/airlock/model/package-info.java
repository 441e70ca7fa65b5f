/**
 * Chat models behind one small interface: langchain4j providers (OpenAI-compatible, Anthropic),
 * the offline scripted model, streaming tokens, retries, usage and cost.
 */
package dev.airlock.model;
