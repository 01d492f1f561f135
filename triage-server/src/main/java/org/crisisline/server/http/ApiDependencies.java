package org.crisisline.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.store.QueueStore;
import org.crisisline.server.audit.AuditLog;
import org.crisisline.server.auth.AccountStore;
import org.crisisline.server.auth.web.Security;
import org.crisisline.server.callback.CallbackNumbers;
import org.crisisline.server.history.ContactHistoryStore;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.metrics.CrisislineMetrics;
import org.crisisline.server.metrics.LoadBands;
import org.crisisline.server.pathway.cafe.CafeConfig;
import org.crisisline.server.pathway.config.ReferralEndpoint;
import org.crisisline.server.pathway.referral.ReferralWatch;
import org.crisisline.server.pathway.rules.PathwayPolicy;
import org.crisisline.server.referral.ReferralDesk;
import org.crisisline.server.signpost.SignpostBoard;
import org.crisisline.server.softphone.SoftphoneSettings;
import org.crisisline.server.text.SignpostTexts;
import org.crisisline.telephony.ami.LinkHealth;

/**
 * Everything {@link HttpApi} needs, as interfaces and values the bootstrap owns:
 *
 * @param queue         the queue store (in memory or Redis)
 * @param queueConfig   the queue's configuration (tier targets for alarms and metrics)
 * @param security      the security parts, mounted first
 * @param accounts      the account store (to find the operative an account answers calls as)
 * @param audit         the audit log every decision, override and view goes to
 * @param config        what admins configure (directories, operatives, lines, tiers, rota)
 * @param policy        the pathway rules a call's outcome is checked with
 * @param cafeConfig    the café finder's windows ({@code PathwaySettings.cafe()})
 * @param signposts     the live café signpost tally
 * @param referrals     the referral watch's report at an instant (e.g. {@code ReferralWatch.at} over the
 *                      referral store and the outbox); must not block
 * @param referralDesk  where outcomes, partners and leads change referrals
 * @param referralEndpoints the teams' referral endpoints by id (their bearer tokens authenticate partners)
 * @param pbx           the PBX links' health ({@code AmiLinks::health}); must not block
 * @param metrics       the counters and registry {@code /metrics} serves
 * @param bands         emotional-load bands for the leads' view
 * @param streamEvery   how often the leads' stream checks for a change
 * @param clock         the time
 * @param texts         texts café details to the number a caller gives (through the configured gateway)
 * @param history       callers' previous contacts, added to by each outcome and shown to the operative
 * @param softphone     where the panel's browser softphone registers (off: no URL)
 * @param callbackNumbers the numbers outcomes book callbacks and check-ins to (shared with the routing loop)
 */
public record ApiDependencies(QueueStore queue, QueueConfig queueConfig, Security security, AccountStore accounts,
        AuditLog audit, AdminConfig config, PathwayPolicy policy, CafeConfig cafeConfig, SignpostBoard signposts,
        Function<Instant, ReferralWatch.Report> referrals, ReferralDesk referralDesk,
        Map<String, ReferralEndpoint> referralEndpoints, Supplier<Map<String, LinkHealth>> pbx,
        CrisislineMetrics metrics, LoadBands bands, Duration streamEvery, Clock clock, SignpostTexts texts,
        ContactHistoryStore history, SoftphoneSettings softphone, CallbackNumbers callbackNumbers) {
    public ApiDependencies {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(queueConfig, "queueConfig");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(cafeConfig, "cafeConfig");
        Objects.requireNonNull(signposts, "signposts");
        Objects.requireNonNull(referrals, "referrals");
        Objects.requireNonNull(referralDesk, "referralDesk");
        referralEndpoints = Map.copyOf(referralEndpoints);
        Objects.requireNonNull(pbx, "pbx");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(streamEvery, "streamEvery");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(softphone, "softphone");
        Objects.requireNonNull(callbackNumbers, "callbackNumbers");
    }
}
