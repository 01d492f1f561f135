package org.crisisline.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.event.QueueEvent;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerGroup;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.history.RepeatContact;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralEvent;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.RejectionReason;
import org.crisisline.server.pathway.referral.TeamRejection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrisislineMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");
    private static final OperativeId OP = OperativeId.of("op1");
    private static final CallerGroup ENGLISH_SELF = new CallerGroup(Line.CRISIS, CallSource.SELF, Language.ENGLISH);
    private static final CallerGroup WELSH_FROM_111 = new CallerGroup(Line.CRISIS, CallSource.NHS_111,
            Language.of("cy"));

    private final CrisislineMetrics metrics = CrisislineMetrics.create(QueueConfig.defaults());

    @Test
    @DisplayName("Answered calls count within or outside the tier's target; abandoned callers, interruptions and alerts are counted")
    void countsEvents() {
        twoTierOneAnsweredAndATierTwoLost();
        metrics.recordEvents(List.of(new QueueEvent.ClinicalLeadAlerted(NOW,
                QueueEvent.AlertReason.TIER_ONE_WAITING_PAST_TARGET, Optional.empty(), Optional.empty(), "waiting")));

        String text = metrics.scrape();
        assertThat(text)
                .contains("crisisline_calls_answered_total{tier=\"1\",within_target=\"true\"} 1.0")
                .contains("crisisline_calls_answered_total{tier=\"1\",within_target=\"false\"} 1.0")
                .contains("crisisline_answered_within_target_ratio{tier=\"1\"} 0.5")
                .contains("crisisline_calls_abandoned_total{tier=\"2\"} 1.0")
                .contains("crisisline_lead_alerts_total{reason=\"tier_one_waiting_past_target\"} 1.0");
    }

    @Test
    @DisplayName("Waits go into a histogram per tier and outcome whose buckets hold the answer targets, for medians and 90th percentiles over time")
    void waitHistogram() {
        twoTierOneAnsweredAndATierTwoLost();

        assertThat(metrics.scrape())
                .contains("crisisline_caller_wait_seconds_bucket{outcome=\"answered\",tier=\"1\",le=\"20.0\"} 1")
                .contains("crisisline_caller_wait_seconds_bucket{outcome=\"answered\",tier=\"1\",le=\"30.0\"} 2")
                .contains("crisisline_caller_wait_seconds_count{outcome=\"answered\",tier=\"1\"} 2")
                .contains("crisisline_caller_wait_seconds_bucket{outcome=\"abandoned\",tier=\"2\",le=\"60.0\"} 0")
                .contains("crisisline_caller_wait_seconds_bucket{outcome=\"abandoned\",tier=\"2\",le=\"120.0\"} 1")
                .contains("crisisline_caller_wait_seconds_bucket{outcome=\"answered\",tier=\"3\",le=\"300.0\"} 0");
    }

    @Test
    @DisplayName("Callers answered and lost, and their waits, are counted per line, source and language, for the gaps between groups; never per caller")
    void gapsBetweenGroups() {
        metrics.recordEvents(List.of(
                new QueueEvent.CallConnected(NOW, CallId.of("a"), OP, Tier.CRISIS, Duration.ofSeconds(40),
                        ENGLISH_SELF),
                new QueueEvent.CallConnected(NOW, CallId.of("b"), OP, Tier.CRISIS, Duration.ofSeconds(200),
                        WELSH_FROM_111),
                new QueueEvent.CallerAbandoned(NOW, CallId.of("c"), Tier.CRISIS, Duration.ofSeconds(90),
                        new CallerGroup(Line.SUPPORT, CallSource.GP, Language.of("pl")))));

        String text = metrics.scrape();
        assertThat(text)
                .contains(group("answered", "language", "english", "count") + " 1")
                .contains(group("answered", "language", "welsh", "sum") + " 200.0")
                .contains(group("answered", "source", "nhs-111", "count") + " 1")
                .contains(group("answered", "line", "crisis", "count") + " 2")
                .contains(group("abandoned", "language", "other", "count") + " 1")
                .contains(group("abandoned", "line", "support", "sum") + " 90.0")
                .contains(group("abandoned", "source", "gp", "count") + " 1")
                .contains(group("abandoned", "language", "bsl", "count") + " 0")
                .doesNotContain("\"pl\"").doesNotContain("call=");
    }

    @Test
    @DisplayName("Repeat callers are counted by how recently they were last in touch")
    void repeatCallers() {
        metrics.contactRecorded(RepeatContact.FIRST);
        metrics.contactRecorded(RepeatContact.WITHIN_7_DAYS);
        metrics.contactRecorded(RepeatContact.WITHIN_7_DAYS);

        assertThat(metrics.scrape())
                .contains("crisisline_contacts_total{caller=\"first\"} 1.0")
                .contains("crisisline_contacts_total{caller=\"within-7-days\"} 2.0")
                .contains("crisisline_contacts_total{caller=\"within-30-days\"} 0.0")
                .contains("crisisline_contacts_total{caller=\"earlier\"} 0.0");
    }

    @Test
    @DisplayName("The teams' answers to referrals are counted by status and, for rejections, by reason code; other referral events are not")
    void referralOutcomesByReason() {
        Referral referral = new ReferralLifecycle(Clock.fixed(NOW, ZoneOffset.UTC),
                PathwaySettingsReader.defaults().referral())
                .draft(ReferralId.of("ref-1"), aReferralRequest().build()).orElseThrow();
        metrics.recordReferralEvents(List.of(
                new ReferralEvent.ReferralAcknowledged(referral, NOW),
                new ReferralEvent.ReferralAccepted(referral, NOW),
                new ReferralEvent.ReferralRejectedByTeam(referral, new TeamRejection(RejectionReason.OUT_OF_AREA,
                        "Caller lives in another trust's area.", Set.of()), NOW),
                new ReferralEvent.ReferralChased(referral, NOW)));

        assertThat(metrics.scrape())
                .contains("crisisline_referral_outcomes_total{reason=\"none\",status=\"acknowledged\"} 1.0")
                .contains("crisisline_referral_outcomes_total{reason=\"none\",status=\"accepted\"} 1.0")
                .contains("crisisline_referral_outcomes_total{reason=\"out-of-area\",status=\"rejected\"} 1.0")
                .contains("crisisline_referral_outcomes_total{reason=\"already-open\",status=\"rejected\"} 0.0");
    }

    /** Tier 1 answered after 12 s (within its 20 s target) and 25 s (not); a tier-2 caller lost after 70 s. */
    private void twoTierOneAnsweredAndATierTwoLost() {
        metrics.recordEvents(List.of(
                new QueueEvent.CallConnected(NOW, CallId.of("a"), OP, Tier.IMMEDIATE_RISK, Duration.ofSeconds(12),
                        ENGLISH_SELF),
                new QueueEvent.CallConnected(NOW, CallId.of("b"), OP, Tier.IMMEDIATE_RISK, Duration.ofSeconds(25),
                        ENGLISH_SELF),
                new QueueEvent.CallerAbandoned(NOW, CallId.of("c"), Tier.CRISIS, Duration.ofSeconds(70), ENGLISH_SELF)));
    }

    private static String group(String outcome, String dimension, String group, String series) {
        return "crisisline_caller_wait_by_group_seconds_" + series + "{dimension=\"" + dimension + "\",group=\""
                + group + "\",outcome=\"" + outcome + "\"}";
    }
}
