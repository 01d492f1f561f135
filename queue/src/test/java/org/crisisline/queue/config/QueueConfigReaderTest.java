package org.crisisline.queue.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.model.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** STYLE.md, "Configuration": read once into a validated record; a bad value fails naming the key. */
@DisplayName("Reading the queue configuration")
class QueueConfigReaderTest {

    @Test
    @DisplayName("the shipped defaults load and carry DOMAIN.md's numbers")
    void defaultsLoadWithTheDomainsNumbers() {
        QueueConfig config = QueueConfig.defaults();

        assertThat(config.rule(Tier.IMMEDIATE_RISK).answerTarget()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.rule(Tier.IMMEDIATE_RISK).callbackOfferAbove()).isEmpty();
        assertThat(config.rule(Tier.IMMEDIATE_RISK).recoveryAfter()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.rule(Tier.IMMEDIATE_RISK).loadWeight()).isEqualTo(3.0);
        assertThat(config.rule(Tier.CRISIS).answerTarget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.rule(Tier.CRISIS).callbackOfferAbove()).contains(Duration.ofMinutes(3));
        assertThat(config.rule(Tier.CRISIS).recoveryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.rule(Tier.CRISIS).loadWeight()).isEqualTo(2.0);
        assertThat(config.rule(Tier.SUPPORT).answerTarget()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.rule(Tier.SUPPORT).callbackOfferAbove()).contains(Duration.ofMinutes(2));
        assertThat(config.rule(Tier.SUPPORT).loadWeight()).isEqualTo(1.0);
        assertThat(config.ordering()).isEqualTo(QueueConfig.Ordering.TIERED);
        assertThat(config.policy()).isEqualTo(QueueConfig.Policy.STAFF_LOAD);

        DispatchProtections p = config.protections();
        assertThat(p.preferClinicalForTierOne()).isTrue();
        assertThat(p.alertLeadWhenNoClinician()).isTrue();
        assertThat(p.tierOneReserve()).isEqualTo(1);
        assertThat(p.reserveReleaseMargin()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.reserveHoldLimits()).isEmpty();
        assertThat(p.reserveCountsRecovering()).isFalse();
        assertThat(config.reserveHold(Tier.IMMEDIATE_RISK)).isZero();
        assertThat(config.reserveHold(Tier.CRISIS)).isEqualTo(Duration.ofSeconds(55));
        assertThat(config.reserveHold(Tier.SUPPORT)).isEqualTo(Duration.ofSeconds(295));
        assertThat(config.reserveHold(Tier.CHECK_IN)).isEqualTo(Duration.ofMinutes(15).minusSeconds(5));
        assertThat(p.preferNonClinicalForLowerTiers()).isTrue();
        assertThat(p.recoveryTime()).isTrue();
        assertThat(p.recoveryInterruptMinimum()).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.consecutiveTierOneCap()).isEqualTo(2);
        assertThat(p.languageWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.balanceEmotionalLoad()).isTrue();
        assertThat(config.loadHalfLife()).isEqualTo(Duration.ofHours(2));

        CallbackRules callbacks = config.callbacks();
        assertThat(callbacks.maxAttempts()).isEqualTo(3);
        assertThat(callbacks.retrySpacing()).isEqualTo(Duration.ofMinutes(10));
        assertThat(callbacks.slotLength()).isEqualTo(Duration.ofMinutes(15));
        assertThat(callbacks.liveReserveShare()).isCloseTo(0.7, within(1e-9));
        assertThat(config.checkInWindow()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("every shipped key has a value, and reading the shipped keys back gives the defaults")
    void everyShippedKeyReadsBack() {
        Map<String, String> shipped = QueueConfigReader.shippedDefaults();

        assertThat(shipped).isNotEmpty().allSatisfy((key, value) -> assertThat(value).as(key).isNotBlank());
        assertThat(QueueConfigReader.read(shipped)).isEqualTo(QueueConfig.defaults());
    }

    @Test
    @DisplayName("an override wins over the default, and ISO-8601 durations are understood")
    void overridesWin() {
        QueueConfig config = QueueConfigReader.read(Map.of(
                "tiers.crisis.answer-target", "PT90S",
                "dispatch.tier-one-reserve", "2",
                "ordering", "fifo",
                "dispatch.policy", "longest-idle",
                "load.half-life", "90m"));

        assertThat(config.rule(Tier.CRISIS).answerTarget()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.protections().tierOneReserve()).isEqualTo(2);
        assertThat(config.ordering()).isEqualTo(QueueConfig.Ordering.FIFO);
        assertThat(config.policy()).isEqualTo(QueueConfig.Policy.LONGEST_IDLE);
        assertThat(config.loadHalfLife()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    @DisplayName("an unknown key (a typo) fails and names the key, instead of falling back to a default")
    void unknownKeyFailsNamingIt() {
        assertThatThrownBy(() -> QueueConfigReader.read(Map.of("dispatch.tier-one-reserv", "1")))
                .isInstanceOfSatisfying(InvalidQueueConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("dispatch.tier-one-reserv"))
                .hasMessageContaining("'dispatch.tier-one-reserv'");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "tiers.crisis.answer-target | soon",
            "tiers.crisis.answer-target | 0s",
            "tiers.support.aging-handicap | -4m",
            "tiers.support.load-weight | heavy",
            "tiers.support.load-weight | -1",
            "dispatch.prefer-clinical-for-tier-one | yes",
            "dispatch.tier-one-reserve | -1",
            "dispatch.tier-one-reserve | one",
            "dispatch.consecutive-tier-one-cap | 2.5",
            "dispatch.reserve-release-margin | -5s",
            "dispatch.reserve-release-margin | soon",
            "dispatch.reserve-release-margin | 60s",
            "dispatch.reserve-hold-limit.support | -1m",
            "dispatch.reserve-hold-limit.support | forever",
            "dispatch.reserve-hold-limit.crisis | ''",
            "dispatch.reserve-counts-recovering | sometimes",
            "dispatch.policy | round-robin",
            "ordering | lifo",
            "load.half-life | 0s",
            "callbacks.max-attempts | 0",
            "callbacks.live-reserve-share | 1.5",
            "callbacks.slot-length | 0m",
            "estimates.handle-time-smoothing | 0",
            "check-ins.window | ''",
    })
    @DisplayName("a bad value fails start-up with a message that names its key")
    void badValueFailsNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> QueueConfigReader.read(Map.of(key, value)))
                .isInstanceOfSatisfying(InvalidQueueConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining("'" + key + "'");
    }

    @Test
    @DisplayName("the reserve's hold per tier: the target less the margin, or the tier's limit if sooner")
    void reserveHoldIsTheTargetLessTheMarginOrTheLimit() {
        QueueConfig config = QueueConfigReader.read(Map.of(
                "dispatch.reserve-release-margin", "10s",
                "dispatch.reserve-hold-limit.support", "90s",
                "dispatch.reserve-hold-limit.crisis", "2m",
                "dispatch.reserve-hold-limit.check-in", "0s",
                "dispatch.reserve-counts-recovering", "true"));

        assertThat(config.reserveHold(Tier.CRISIS)).isEqualTo(Duration.ofSeconds(50));
        assertThat(config.reserveHold(Tier.SUPPORT)).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.reserveHold(Tier.CHECK_IN)).isZero();
        assertThat(config.protections().reserveHoldLimits()).containsOnlyKeys(Tier.CRISIS, Tier.SUPPORT, Tier.CHECK_IN);
        assertThat(config.protections().reserveCountsRecovering()).isTrue();
    }

    @Test
    @DisplayName("a release margin as long as a lower tier's target is refused, naming the margin and the target")
    void marginMustBeShorterThanEveryLowerTarget() {
        assertThatThrownBy(() -> QueueConfigReader.read(Map.of("tiers.crisis.answer-target", "30s",
                "dispatch.reserve-release-margin", "30s")))
                .isInstanceOfSatisfying(InvalidQueueConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("dispatch.reserve-release-margin"))
                .hasMessageContaining("tiers.crisis.answer-target is 30s");
    }

    @Test
    @DisplayName("tier 1 has no hold limit: the reserve never holds a tier-1 caller, so the key does not exist")
    void tierOneHasNoHoldLimit() {
        assertThatThrownBy(() -> QueueConfigReader.read(Map.of("dispatch.reserve-hold-limit.immediate-risk", "10s")))
                .isInstanceOfSatisfying(InvalidQueueConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("dispatch.reserve-hold-limit.immediate-risk"));
    }

    @Test
    @DisplayName("tier 1 must never be offered a callback: any other value is refused")
    void tierOneCallbackOfferMustBeNever() {
        assertThatThrownBy(() -> QueueConfigReader.read(Map.of("tiers.immediate-risk.callback-offer-above", "3m")))
                .isInstanceOfSatisfying(InvalidQueueConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("tiers.immediate-risk.callback-offer-above"))
                .hasMessageContaining("never");
    }

    @Test
    @DisplayName("a lower tier may be set never to be offered a callback")
    void lowerTierMayBeNever() {
        QueueConfig config = QueueConfigReader.read(Map.of("tiers.support.callback-offer-above", "never"));

        assertThat(config.rule(Tier.SUPPORT).callbackOfferAbove()).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("durations are read in ms, s, m, h and d")
    void durationUnits() {
        assertThat(QueueConfigReader.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(QueueConfigReader.parseDuration("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(QueueConfigReader.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(QueueConfigReader.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(QueueConfigReader.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(QueueConfigReader.parseDuration("pt20s")).isEqualTo(Duration.ofSeconds(20));
    }
}
