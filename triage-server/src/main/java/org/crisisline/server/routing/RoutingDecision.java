package org.crisisline.server.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.OperativeId;

/**
 * What the router decided from one input: commands for the queue store now, actions for the PBX,
 * commands to run later (an operative made ready again after a PBX failure, or simulated staff
 * after a missed call), each after its delay in the queue's time; callbacks due, whose kept number
 * the verticle fetches before the router can dial ({@link CallRouter#callbackNumberFound}); and calls
 * whose kept number must go, as they are over.
 */
public record RoutingDecision(List<QueueCommand> commands, List<PbxAction> actions, List<Deferred> later,
                              List<CallbackDue> callbacksDue, List<CallId> numbersToForget) {
    public static final RoutingDecision NOTHING = new RoutingDecision(List.of(), List.of(), List.of());

    public RoutingDecision {
        commands = List.copyOf(commands);
        actions = List.copyOf(actions);
        later = List.copyOf(later);
        callbacksDue = List.copyOf(callbacksDue);
        numbersToForget = List.copyOf(numbersToForget);
    }

    public RoutingDecision(List<QueueCommand> commands, List<PbxAction> actions, List<Deferred> later) {
        this(commands, actions, later, List.of(), List.of());
    }

    /** An agent-first call assigned to {@code operative}: dial them, then the call's kept number. */
    public record CallbackDue(CallId call, OperativeId operative) {
        public CallbackDue {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(operative, "operative");
        }
    }

    public static RoutingDecision command(QueueCommand command) {
        return new RoutingDecision(List.of(command), List.of(), List.of());
    }

    /** A command to run once {@code after} has passed. */
    public record Deferred(QueueCommand command, Duration after) {
        public Deferred {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(after, "after");
        }
    }

    public boolean isEmpty() {
        return commands.isEmpty() && actions.isEmpty() && later.isEmpty() && callbacksDue.isEmpty()
                && numbersToForget.isEmpty();
    }
}
