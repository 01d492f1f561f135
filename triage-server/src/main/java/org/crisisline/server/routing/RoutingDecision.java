package org.crisisline.server.routing;

import java.util.List;
import org.crisisline.queue.command.QueueCommand;

/**
 * What the router decided from one input: commands for the queue store now, actions for the PBX,
 * and commands to run later (after {@link RoutingOptions#readyAgainAfter()}, for simulated staff).
 */
public record RoutingDecision(List<QueueCommand> commands, List<PbxAction> actions, List<QueueCommand> later) {
    public static final RoutingDecision NOTHING = new RoutingDecision(List.of(), List.of(), List.of());

    public RoutingDecision {
        commands = List.copyOf(commands);
        actions = List.copyOf(actions);
        later = List.copyOf(later);
    }

    public static RoutingDecision command(QueueCommand command) {
        return new RoutingDecision(List.of(command), List.of(), List.of());
    }

    public boolean isEmpty() {
        return commands.isEmpty() && actions.isEmpty() && later.isEmpty();
    }
}
