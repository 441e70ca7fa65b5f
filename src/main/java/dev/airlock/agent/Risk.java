package dev.airlock.agent;

/** Something in proposed code a supervisor should look at before it runs. */
public record Risk(String rule, int line, String excerpt, String why) {}
