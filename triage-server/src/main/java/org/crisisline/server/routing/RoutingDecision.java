package org.crisisline.server.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.crisisline.queue.command.QueueCommand;

/**
 * What the router decided from one input: commands for the queue store now, actions for the PBX,
 * and commands to run later (an operative made ready again after a PBX failure, or simulated staff
 * after a missed call), each after its delay in the queue's time.
 */
public record RoutingDecision(List<QueueCommand> commands, List<PbxAction> actions, List<Deferred> later) {
    public static final RoutingDecision NOTHING = new RoutingDecision(List.of(), List.of(), List.of());

    public RoutingDecision {
        commands = List.copyOf(commands);
        actions = List.copyOf(actions);
        later = List.copyOf(later);
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
        return commands.isEmpty() && actions.isEmpty() && later.isEmpty();
    }
}
