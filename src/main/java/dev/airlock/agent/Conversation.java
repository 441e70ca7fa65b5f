package dev.airlock.agent;

import dev.airlock.model.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages exchanged with the model, exactly as sent, and how many turns they span. A fork
 * starts from a prefix of another run's conversation.
 */
public final class Conversation {
  private final List<ChatMessage> messages;
  private int turns;

  public Conversation(List<ChatMessage> messages, int turns) {
    this.messages = new ArrayList<>(messages);
    this.turns = turns;
  }

  public static Conversation opening(List<ChatMessage> opening) {
    return new Conversation(opening, 0);
  }

  synchronized int startNextTurn() {
    return ++turns;
  }

  public synchronized int turns() {
    return turns;
  }

  synchronized void add(ChatMessage message) {
    messages.add(message);
  }

  /** A snapshot: later additions do not change it. */
  public synchronized List<ChatMessage> messages() {
    return List.copyOf(messages);
  }
}
