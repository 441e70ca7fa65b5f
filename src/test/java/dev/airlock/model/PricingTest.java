package dev.airlock.model;

import static dev.airlock.model.AnthropicClientTest.catchModelException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PricingTest {

  @Test
  void costIsPricePerMillionTimesTokensOnEachSide() {
    Pricing pricing = new Pricing(3.0, 15.0);

    assertThat(pricing.costUsd(new Usage(2_000_000, 100_000))).isCloseTo(7.5, within(1e-9));
    assertThat(pricing.costUsd(Usage.NONE)).isZero();
  }

  @Test
  void parsesInSlashOut() throws Exception {
    assertThat(Pricing.parse("0.88/0.88")).isEqualTo(new Pricing(0.88, 0.88));
    assertThat(Pricing.parse(" 3 / 15 ")).isEqualTo(new Pricing(3, 15));
  }

  @Test
  void rejectsTextThatIsNotTwoPrices() throws Exception {
    for (String bad : new String[] {"3", "3/x", "-1/2", "", "1/2/3"}) {
      ModelException error = catchModelException(() -> Pricing.parse(bad));
      assertThat(error.kind()).isEqualTo(ModelException.Kind.CONFIGURATION);
      assertThat(error.getMessage()).contains("'" + bad + "'", "USD per million tokens");
    }
  }
}
