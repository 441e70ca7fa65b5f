package dev.airlock.model;

import java.time.Duration;

/**
 * A complete response: the raw text exactly as the model wrote it, usage, and the cost in USD when
 * a price per token is configured (null otherwise).
 */
public record ModelResponse(
    String text,
    Usage usage,
    Double costUsd,
    String finishReason,
    Duration latency,
    int attempts) {}
