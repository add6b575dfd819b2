package dev.rapport.crm.relationship;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of frequency caps and preferences ({@code model.md} 5.8, {@code wire-format.md}). */
final class FrequencyCapTest {

  @ParameterizedTest(name = "max {0} is refused")
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void aCapNeedsAMaximumOfAtLeastOne(int max) {
    assertThatThrownBy(() -> FrequencyCap.builder().max(max).per(Duration.ofDays(7)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a frequency cap needs max >= 1, got " + max);
  }

  @ParameterizedTest(name = "per {0} is refused")
  @ValueSource(strings = {"PT0S", "-PT1S", "-P7D"})
  void aCapNeedsAPositiveWindow(String per) {
    assertThatThrownBy(() -> FrequencyCap.builder().max(2).per(Duration.parse(per)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a frequency cap needs a positive window 'per', got " + Duration.parse(per));
  }

  @Test
  void aCapOfOnePerSecondIsAccepted() {
    FrequencyCap cap = FrequencyCap.builder().max(1).per(Duration.ofSeconds(1)).build();

    assertThat(cap.max()).isEqualTo(1);
  }

  @Test
  void aCapWithoutPurposesOrChannelsCountsEverything() {
    FrequencyCap cap = FrequencyCap.builder().max(1).per(Duration.ofDays(1)).build();

    assertThat(cap.counts(Purpose.TRANSACTIONAL, Channel.POST)).isTrue();
  }

  @Test
  void aCapCountsOnlyItsNamedPurposesAndChannels() {
    FrequencyCap cap =
        FrequencyCap.builder()
            .addPurposes(Purpose.OFFER)
            .addChannels(Channel.SMS)
            .max(1)
            .per(Duration.ofDays(1))
            .build();

    assertThat(cap.counts(Purpose.OFFER, Channel.SMS)).isTrue();
    assertThat(cap.counts(Purpose.OFFER, Channel.EMAIL)).isFalse();
    assertThat(cap.counts(Purpose.PROMOTION, Channel.SMS)).isFalse();
  }

  @Test
  void aCoolOffMustBePositive() {
    assertThatThrownBy(() -> Preferences.builder().coolOffAfterPurchase(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("coolOffAfterPurchase must be a positive duration, got PT0S");
  }

  @Test
  void preferencesNeverDeclaredMeanProfilingNone() {
    assertThat(Preferences.defaults().profiling()).isEqualTo(Profiling.NONE);
  }
}
