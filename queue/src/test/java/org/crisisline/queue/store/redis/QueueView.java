package org.crisisline.queue.store.redis;

import java.util.List;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Operative;

/**
 * The part of a {@link QueueSnapshot} that does not depend on the instant it is read at: who waits
 * in which order, the other open calls (callbacks, check-ins, offered, connected) and the operatives.
 * Two nodes that applied the same entries have equal views.
 */
record QueueView(List<Call> waiting, List<Call> otherOpen, List<Operative> operatives) {
    static QueueView of(QueueSnapshot snapshot) {
        return new QueueView(snapshot.waiting(), snapshot.otherOpen(),
                snapshot.operatives().stream().map(QueueSnapshot.OperativeLoad::operative).toList());
    }
}
