package org.crisisline.queue.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.crisisline.queue.callback.CallbackBooking;
import org.crisisline.queue.callback.CheckInPlan;
import org.crisisline.queue.callback.Rota;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.event.QueueEvent.ScreenResult;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.CallSource;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Language;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.OperativeState;
import org.crisisline.queue.model.Skills;
import org.crisisline.queue.model.Tier;

/**
 * Random days as data: commands of every kind over a small set of calls and operatives (so most
 * commands meet a call or an operative in some state), each after a random pause. For properties
 * that hold for any sequence of commands.
 */
public final class RandomDays {
    private static final int CALLS = 16;
    private static final int OPERATIVES = 5;

    private RandomDays() {
    }

    /** A command to apply after moving the clock on. */
    public record Step(int secondsLater, QueueCommand command) {
    }

    public static Arbitrary<List<Step>> days() {
        Arbitrary<CallId> call = Arbitraries.integers().between(0, CALLS - 1).map(i -> CallId.of("c" + i));
        Arbitrary<OperativeId> operative = Arbitraries.integers().between(0, OPERATIVES - 1)
                .map(i -> OperativeId.of("op" + i));
        Arbitrary<Tier> tier = Arbitraries.of(Tier.IMMEDIATE_RISK, Tier.CRISIS, Tier.SUPPORT);
        Arbitrary<String> language = Arbitraries.of("en", "en", "en", "pl");
        Arbitrary<QueueCommand> enqueue = Combinators.combine(call, tier, language)
                .as((id, t, lang) -> new QueueCommand.Enqueue(Call.live(id, new CallerRef("ref-" + id), Line.CRISIS,
                        CallSource.SELF, t, Language.of(lang), false, QueueHarness.START)));
        Arbitrary<QueueCommand> logOn = Combinators.combine(operative, Arbitraries.of(true, false))
                .as((id, clinical) -> new QueueCommand.LogOn(id, new Skills(clinical, false, Set.of(Language.of("pl")))));
        Arbitrary<QueueCommand> checkIns = Arbitraries.integers().between(0, 3).map(i -> new QueueCommand.ScheduleCheckIns(
                new CheckInPlan("s" + i, new CallerRef("person-" + i), Language.ENGLISH, i == 0,
                        QueueHarness.START.plus(Duration.ofMinutes(20 + 10L * i)), Duration.ofHours(1), 3)));
        Arbitrary<QueueCommand> command = Arbitraries.frequencyOf(
                Tuple.of(6, enqueue),
                Tuple.of(3, logOn),
                Tuple.of(4, call.map(QueueCommand.MarkConnected::new)),
                Tuple.of(4, call.map(QueueCommand.EndCall::new)),
                Tuple.of(1, Combinators.combine(call, operative).as(QueueCommand.MarkOfferNotAnswered::new)),
                Tuple.of(2, Combinators.combine(call, tier).as((c, t) ->
                        new QueueCommand.Retier(c, t, Actor.clinicalLead("lead"), "re-triaged"))),
                Tuple.of(2, call.map(QueueCommand.AcceptVirtualHold::new)),
                Tuple.of(1, call.map(c -> new QueueCommand.BookSlot(c,
                        Instant.parse("2026-11-22T18:30:00Z")))),
                Tuple.of(1, Combinators.combine(call, tier).as((c, t) -> new QueueCommand.BookCallbackAfterCall(
                        new CallbackBooking(CallId.of(c.value() + "/callback"), new CallerRef("ref-" + c), t,
                                Language.ENGLISH, false, Instant.parse("2026-11-22T18:30:00Z"))))),
                Tuple.of(2, call.map(c -> new QueueCommand.MarkCallerUnreachable(c, "no answer"))),
                Tuple.of(1, checkIns),
                Tuple.of(1, Combinators.combine(call, Arbitraries.of(ScreenResult.class))
                        .as(QueueCommand.ScreenCheckIn::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 3).map(i ->
                        new QueueCommand.ShortenCheckIns("s" + i, Actor.clinicalLead("lead"), "discharged"))),
                Tuple.of(1, operative.map(QueueCommand.LogOff::new)),
                Tuple.of(2, operative.map(QueueCommand.MarkReady::new)),
                Tuple.of(1, operative.map(o -> new QueueCommand.Pause(o, OperativeState.BREAK, Actor.SYSTEM, "rota"))),
                Tuple.of(1, Combinators.combine(call, operative).as((c, o) ->
                        new QueueCommand.TakeCall(c, o, Actor.clinicalLead("lead"), "knows the caller"))),
                Tuple.of(1, Arbitraries.integers().between(0, 10).map(n -> new QueueCommand.SetRota(new Rota(List.of(
                        new Rota.Block(QueueHarness.START, QueueHarness.START.plus(Duration.ofDays(1)), n)))))),
                Tuple.of(3, Arbitraries.just(new QueueCommand.Tick())));
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, 20)),
                Tuple.of(2, Arbitraries.integers().between(20, 400)),
                Tuple.of(1, Arbitraries.integers().between(400, 3600)));
        return Combinators.combine(seconds, command).as(Step::new).list().ofMinSize(5).ofMaxSize(80);
    }
}
