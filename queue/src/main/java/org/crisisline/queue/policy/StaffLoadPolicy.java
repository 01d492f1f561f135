package org.crisisline.queue.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.crisisline.queue.config.DispatchProtections;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.config.TierRule;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Operative;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.ordering.WaitingLine;

/**
 * DOMAIN.md's default dispatch policy: protect callers first and operatives second.
 *
 * <ol>
 *   <li>Tier 1 goes first, to whoever is free now: a free clinician if there is one, otherwise the
 *       best free trained operative at once, and the clinical lead is alerted to join.</li>
 *   <li>If nobody is free and a tier-1 caller is about to miss the target, a recovery that has
 *       lasted the minimum may be interrupted (counted per operative).</li>
 *   <li>At most {@code consecutiveTierOneCap} tier-1 calls in a row; the cap yields only when a
 *       tier-1 caller is about to miss the target and nobody else can answer (the lead is alerted).</li>
 *   <li>The last {@code tierOneReserve} free operatives are kept from tiers 2/3 and check-ins until
 *       the caller has been held for {@link QueueConfig#reserveHold} (their answer target less a release
 *       margin, or a per-tier hold limit if sooner). Optionally an operative in recovery whom a new
 *       tier-1 caller would have in time (recovery over, or interruptible, by the time the caller is about
 *       to miss) counts towards the reserve as if free.</li>
 *   <li>Tiers 2/3 and check-ins prefer non-clinical operatives, and wait up to the language wait
 *       for a speaker of their language, then are answered with an interpreter offered.</li>
 *   <li>Among the operatives a call may go to, the lowest emotional load wins, ties to the longest
 *       idle (the order of {@link DispatchView#available}).</li>
 * </ol>
 * Every protection is a switch in {@link DispatchProtections}.
 */
public final class StaffLoadPolicy implements DispatchPolicy {
    private final QueueConfig config;
    private final DispatchProtections protections;
    /** Past this key no lower-tier caller can have been held long enough by the reserve: stop scanning. */
    private final long maxTargetSlackMillis;
    /** {@link QueueConfig#reserveHold} per tier, worked out once. */
    private final Map<Tier, Duration> holdByTier = new EnumMap<>(Tier.class);

    public StaffLoadPolicy(QueueConfig config) {
        this.config = config;
        this.protections = config.protections();
        for (Tier tier : Tier.values()) {
            holdByTier.put(tier, config.reserveHold(tier));
        }
        long slack = Long.MIN_VALUE;
        for (Tier tier : Tier.values()) {
            if (tier != Tier.IMMEDIATE_RISK) {
                TierRule rule = config.rule(tier);
                long handicap = config.ordering() == QueueConfig.Ordering.FIFO ? 0 : rule.agingHandicap().toMillis();
                slack = Math.max(slack, handicap - holdByTier.get(tier).toMillis());
            }
        }
        this.maxTargetSlackMillis = slack;
    }

    @Override
    public Optional<Assignment> next(DispatchView view, Instant now) {
        int free = view.availableCount();
        boolean tierOneRecoveryOpen = protections.recoveryTime() && !view.recovering().isEmpty();
        if (free == 0 && !tierOneRecoveryOpen) {
            return Optional.empty();
        }
        boolean reserveHolds = protections.tierOneReserve() > 0 && free <= protections.tierOneReserve()
                && free + reachableInRecovery(view, now) <= protections.tierOneReserve();
        // Only when every tier-1 caller is ahead of the rest may the scan stop at a lower-tier caller: in
        // fifo order a tier-1 caller further back may still be owed the reserve or a recovery interruption.
        boolean tierOneAhead = config.ordering() == QueueConfig.Ordering.TIERED;
        Instant[] heldSince = heldSince(now);
        // Within one decision the free operatives do not change: a language nobody free speaks stays so.
        Set<Language> noFreeSpeaker = new HashSet<>();
        boolean tierOneTried = false;
        Iterator<WaitingLine.Place> places = view.waitingInOrder();
        while (places.hasNext()) {
            WaitingLine.Place place = places.next();
            if (place.tier() == Tier.IMMEDIATE_RISK) {
                // Tier-1 callers come in join order, and the first has waited longest: if nobody can take
                // them, nobody can take a later one (the choice depends on the caller only by that wait).
                if (tierOneTried) {
                    continue;
                }
                Optional<Assignment> chosen = forTierOne(view.call(place.call()), view, now);
                if (chosen.isPresent()) {
                    return chosen;
                }
                tierOneTried = true;
                if (free == 0) {
                    return Optional.empty();
                }
                continue;
            }
            if (free == 0) {
                if (tierOneAhead) {
                    return Optional.empty();
                }
                continue;
            }
            Call call = view.call(place.call());
            if (reserveHolds && call.joinedAt().isAfter(heldSince[call.tier().ordinal()])) {
                if (tierOneAhead && place.key() > now.toEpochMilli() + maxTargetSlackMillis) {
                    return Optional.empty();
                }
                continue;
            }
            boolean waitsForSpeaker = !call.language().isEnglish() && withinLanguageWait(call, now);
            if (waitsForSpeaker && noFreeSpeaker.contains(call.language())) {
                continue;
            }
            Optional<Assignment> chosen = forLowerTier(call, view, now);
            if (chosen.isPresent()) {
                return chosen;
            }
            if (waitsForSpeaker) {
                noFreeSpeaker.add(call.language());
            }
        }
        return Optional.empty();
    }

    /** Per tier (by ordinal): a caller who joined at or before this has been held long enough. */
    private Instant[] heldSince(Instant now) {
        Instant[] heldSince = new Instant[Tier.values().length];
        for (Tier tier : Tier.values()) {
            heldSince[tier.ordinal()] = now.minus(holdByTier.get(tier));
        }
        return heldSince;
    }

    private boolean withinLanguageWait(Call call, Instant now) {
        return call.waitedAt(now).compareTo(protections.languageWait()) < 0;
    }

    private Optional<Assignment> forTierOne(Call call, DispatchView view, Instant now) {
        boolean aboutToMiss = !call.waitedAt(now).minus(protections.recoveryInterruptFromWait()).isNegative();
        Predicate<Operative> underCap = this::underCap;
        Optional<Operative> free = protections.preferClinicalForTierOne()
                ? first(view.available(true), underCap).or(() -> first(view.available(false), underCap))
                : first(view.availableBestFirst(), underCap);
        if (free.isPresent()) {
            return Optional.of(tierOne(call, free.get(), false, false));
        }
        if (!aboutToMiss) {
            return Optional.empty();
        }
        Optional<Operative> recovering = protections.recoveryTime()
                ? bestRecovering(view, now, underCap)
                : Optional.empty();
        if (recovering.isPresent()) {
            return Optional.of(tierOne(call, recovering.get(), true, false));
        }
        // Safety before the cap: nobody else can answer a tier-1 caller who is about to miss the target.
        return first(view.availableBestFirst(), op -> true).map(op -> tierOne(call, op, false, true));
    }

    private Assignment tierOne(Call call, Operative operative, boolean interrupts, boolean exceedsCap) {
        boolean alert = protections.alertLeadWhenNoClinician() && !operative.isClinical();
        return new Assignment(call, operative, !operative.skills().speaks(call.language()), interrupts, alert,
                exceedsCap);
    }

    private Optional<Operative> bestRecovering(DispatchView view, Instant now, Predicate<Operative> underCap) {
        Instant startedBy = now.minus(protections.recoveryInterruptMinimum());
        Operative best = null;
        for (Operative op : view.recovering()) {
            boolean recoveredEnough = !op.recoveryStarted().isAfter(startedBy);
            if (recoveredEnough && underCap.test(op) && (best == null || betterRecovering(op, best))) {
                best = op;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Clinicians first (if preferred), then lowest load, then longest recovered. */
    private boolean betterRecovering(Operative candidate, Operative best) {
        if (protections.preferClinicalForTierOne() && candidate.isClinical() != best.isClinical()) {
            return candidate.isClinical();
        }
        if (protections.balanceEmotionalLoad() && candidate.loadScore() != best.loadScore()) {
            return candidate.loadScore() < best.loadScore();
        }
        int byStart = candidate.recoveryStarted().compareTo(best.recoveryStarted());
        return byStart != 0 ? byStart < 0 : candidate.id().compareTo(best.id()) < 0;
    }

    private Optional<Assignment> forLowerTier(Call call, DispatchView view, Instant now) {
        Language language = call.language();
        boolean mayUseInterpreter = language.isEnglish() || !withinLanguageWait(call, now);
        Predicate<Operative> speaks = op -> op.skills().speaks(language);
        Optional<Operative> chosen = preferNonClinical(view, speaks);
        if (chosen.isEmpty() && mayUseInterpreter) {
            chosen = preferNonClinical(view, op -> true);
        }
        return chosen.map(op -> new Assignment(call, op, !op.skills().speaks(language), false, false, false));
    }

    private Optional<Operative> preferNonClinical(DispatchView view, Predicate<Operative> eligible) {
        return protections.preferNonClinicalForLowerTiers()
                ? first(view.available(false), eligible).or(() -> first(view.available(true), eligible))
                : first(view.availableBestFirst(), eligible);
    }

    /**
     * Operatives in recovery whom a tier-1 caller arriving now would have by the time they are about to
     * miss the target: the recovery is over by then, or has lasted long enough to be interrupted by then
     * (and the operative is under the tier-1 cap, which an interruption does not override).
     */
    private int reachableInRecovery(DispatchView view, Instant now) {
        if (!protections.reserveCountsRecovering()) {
            return 0;
        }
        Instant aboutToMiss = now.plus(protections.recoveryInterruptFromWait());
        int reachable = 0;
        for (Operative op : view.recovering()) {
            boolean over = !op.recoveryUntil().isAfter(aboutToMiss);
            boolean interruptible = protections.recoveryTime() && underCap(op)
                    && !op.recoveryStarted().plus(protections.recoveryInterruptMinimum()).isAfter(aboutToMiss);
            if (over || interruptible) {
                reachable++;
            }
        }
        return reachable;
    }

    private boolean underCap(Operative op) {
        int cap = protections.consecutiveTierOneCap();
        return cap == 0 || op.consecutiveTierOne() < cap;
    }

    private static Optional<Operative> first(Iterable<Operative> candidates, Predicate<Operative> eligible) {
        for (Operative op : candidates) {
            if (eligible.test(op)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
