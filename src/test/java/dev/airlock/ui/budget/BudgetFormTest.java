package dev.airlock.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.airlock.agent.Budget;
import dev.airlock.agent.BudgetFigures;
import dev.airlock.agent.BudgetReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the budget dialog shows and how it reads what the person typed, without a screen. */
class BudgetFormTest {
  private final BudgetForm form =
      new BudgetForm(
          new BudgetReport(
              3,
              List.of(BudgetFigures.TOKENS, BudgetFigures.USD),
              new BudgetFigures(12480L, 0.52, 400L),
              new Budget(10_000L, 0.50, Duration.ofMinutes(30)),
              new Budget(20_000L, 1.0, Duration.ofMinutes(30))));

  @Test
  void eachReachedLimitIsARowWithWhatWasUsedAndTheSuggestion() {
    assertThat(form.heading()).isEqualTo("Token and dollar budgets reached");
    assertThat(form.explanation()).startsWith("After turn 3 the run waits");
    assertThat(form.rows())
        .extracting(BudgetForm.Row::name, BudgetForm.Row::used, BudgetForm.Row::suggested)
        .containsExactly(
            tuple("Tokens", "12,480 of 10,000", "20,000"), tuple("Cost", "$0.52 of $0.50", "1.00"));
  }

  @Test
  void whatWasTypedBecomesTheNewBudgetAndTheLimitsNotReachedStay() {
    Budget b = form.parse(List.of(" 25,000 ", "$2"));
    assertThat(b.tokens()).isEqualTo(25_000L);
    assertThat(b.usd()).isEqualTo(2.0);
    assertThat(b.time()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aFieldThatIsNotAFigureIsNamed() {
    assertThatThrownBy(() -> form.parse(List.of("lots", "1")))
        .hasMessage("The new tokens limit 'lots' is not a number of tokens: type e.g. 20,000");
    assertThatThrownBy(() -> form.parse(List.of("20000", "NaN")))
        .hasMessageContaining("The new cost limit 'NaN' is not a number of US dollars");
    assertThatThrownBy(() -> form.parse(List.of("0", "1")))
        .hasMessageContaining("at least 1 token");
  }
}
