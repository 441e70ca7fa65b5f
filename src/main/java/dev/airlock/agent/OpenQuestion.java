package dev.airlock.agent;

import java.util.concurrent.CompletableFuture;

/**
 * What every pending decision shares: its id and turn, the answer (the first one wins), and the
 * withdrawal when the run stops first. Answers and the withdrawal take the same lock, so a
 * withdrawal is announced before anyone waiting on the answer sees it.
 */
abstract class OpenQuestion<T> {
  private final String id;
  private final int turn;
  private final CompletableFuture<T> answer = new CompletableFuture<>();
  private volatile boolean withdrawn;

  OpenQuestion(String id, int turn) {
    this.id = id;
    this.turn = turn;
  }

  public String id() {
    return id;
  }

  public int turn() {
    return turn;
  }

  public boolean withdrawn() {
    return withdrawn;
  }

  public CompletableFuture<T> answer() {
    return answer;
  }

  /** Gives {@code value} as the answer; false when the question was already answered. */
  final synchronized boolean give(T value) {
    return answer.complete(value);
  }

  /**
   * Gives {@code value} as the answer, running {@code first} just before, under the lock that
   * answers and withdrawals take: both happen, or neither (false) when the question was already
   * answered or withdrawn.
   */
  final synchronized boolean giveAfter(T value, Runnable first) {
    if (answer.isDone()) {
      return false;
    }
    first.run();
    return answer.complete(value);
  }

  /** The answer a withdrawal gives, so whoever waits unwinds. */
  abstract T withdrawal(String reason);

  /** Withdraws the question unless it was answered, {@code announce} running first. */
  final synchronized boolean withdraw(String reason, Runnable announce) {
    if (answer.isDone()) {
      return false;
    }
    withdrawn = true;
    announce.run();
    return answer.complete(withdrawal(reason));
  }
}
