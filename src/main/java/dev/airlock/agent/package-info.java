/**
 * The agent loop: one explicit state machine per turn (ask the model, parse, review, execute,
 * observe), the supervisor gates and the events every face of Airlock renders from.
 */
package dev.airlock.agent;
