package org.crisisline.server.http;

import io.vertx.core.Future;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.command.QueueCommand;
import org.crisisline.queue.event.Outcome;

/**
 * A person's decision sent to the queue and answered for: the command is executed, then audited with the
 * reason given ({@code SUCCEEDED} when applied, {@code DENIED} with the queue's reason when refused), and
 * only then reported. A refusal fails the future with the matching {@code ApiError}; an audit that could not
 * be written fails it too, so nothing is reported done without its record. Thread-safe.
 */
public final class Decisions {
    private final QueueAccess queue;
    private final AuditTrail audit;

    public Decisions(QueueAccess queue, AuditTrail audit) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public Future<Void> execute(Requester who, String action, String targetType, String targetId,
            Optional<String> reason, QueueCommand command) {
        return queue.execute(command).compose(outcome -> {
            if (outcome instanceof Outcome.Rejected rejected) {
                String why = reason.map(r -> r + " | refused: ").orElse("refused: ") + rejected.detail();
                return audit.record(who, action, targetType, targetId, Optional.of(why),
                                org.crisisline.server.audit.Outcome.DENIED)
                        .compose(recorded -> Future.failedFuture(QueueAccess.refusal(rejected)));
            }
            return audit.record(who, action, targetType, targetId, reason,
                    org.crisisline.server.audit.Outcome.SUCCEEDED);
        });
    }
}
