package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** What a method answers: the wire {@code result} and a short summary for the turn's event. */
record Reply(JsonNode result, String summary) {}
