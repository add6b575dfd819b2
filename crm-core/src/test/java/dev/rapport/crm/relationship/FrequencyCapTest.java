package dev.rapport.crm.relationship;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of frequency caps and preferences ({@code RULES.md} 6, {@code crm-jackson/README.md}). */
final class FrequencyCapTest {

  @ParameterizedTest(name = "max {0} is refused")
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void aCapNeedsAMaximumOfAtLeastOne(int max) {
    assertThatThrownBy(() -> FrequencyCap.builder().addPurposes(Purpose.OFFER).max(max).per(Duration.ofDays(7)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a frequency cap needs max >= 1, got " + max);
  }

  @ParameterizedTest(name = "per {0} is refused")
  @ValueSource(strings = {"PT0S", "-PT1S", "-P7D"})
  void aCapNeedsAPositiveWindow(String per) {
    assertThatThrownBy(() -> FrequencyCap.builder().addPurposes(Purpose.OFFER).max(2).per(Duration.parse(per)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a frequency cap needs a positive window 'per', got " + Duration.parse(per));
  }

  @Test
  void aCapOfOnePerSecondIsAccepted() {
    FrequencyCap cap = FrequencyCap.builder().addPurposes(Purpose.OFFER).max(1).per(Duration.ofSeconds(1)).build();

    assertThat(cap.max()).isEqualTo(1);
  }

  @Test
  @DisplayName("model 5.8: a cap with no purposes is an error (it would hold receipts)")
  void aCapWithoutPurposesIsRefused() {
    assertThatThrownBy(() -> FrequencyCap.builder().max(1).per(Duration.ofDays(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a frequency cap names at least one purpose (caps never hold TRANSACTIONAL or REPLY)");
  }

  @ParameterizedTest(name = "model 5.8: a cap naming {0} is an error")
  @EnumSource(value = Purpose.class, names = {"TRANSACTIONAL", "REPLY"})
  void aCapNeverNamesTransactionalOrReply(Purpose purpose) {
    assertThatThrownBy(
            () ->
                FrequencyCap.builder()
                    .addPurposes(Purpose.PROMOTION, purpose)
                    .max(1)
                    .per(Duration.ofDays(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a frequency cap never names TRANSACTIONAL or REPLY, got purposes [")
        .hasMessageContaining(purpose.name());
  }

  @Test
  void aCapWithoutChannelsCountsItsPurposesOnEveryChannel() {
    FrequencyCap cap = FrequencyCap.builder().addPurposes(Purpose.OFFER).max(1).per(Duration.ofDays(1)).build();

    for (Channel channel : Channel.values()) {
      assertThat(cap.counts(Purpose.OFFER, channel)).isTrue();
    }
    assertThat(cap.counts(Purpose.TRANSACTIONAL, Channel.EMAIL)).isFalse();
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
