package org.crisisline.queue.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("group commit of appends")
class GroupCommitTest {
    private final List<List<String>> calls = new ArrayList<>();
    private final List<Promise<List<String>>> replies = new ArrayList<>();
    private final GroupCommit commit = new GroupCommit(this::appendAll, 1, 3);

    private Future<List<String>> appendAll(List<GroupCommit.Pending> batch) {
        calls.add(batch.stream().map(GroupCommit.Pending::commandId).toList());
        Promise<List<String>> reply = Promise.promise();
        replies.add(reply);
        return reply.future();
    }

    private Future<String> append(String id) {
        return commit.append(id, "{}", Instant.EPOCH, false);
    }

    private void answer(int call) {
        replies.get(call).complete(calls.get(call).stream().map(id -> "entry-" + id).toList());
    }

    @Test
    @DisplayName("sends a command at once when nothing is in flight")
    void quietLineSendsAtOnce() {
        Future<String> a = append("a");

        assertThat(calls).containsExactly(List.of("a"));
        answer(0);
        assertThat(a.result()).isEqualTo("entry-a");
    }

    @Test
    @DisplayName("sends what queued up during an append together, in order, at most a batch at a time")
    void queuedCommandsGoTogetherInOrder() {
        List<Future<String>> ids = IntStream.range(0, 6).mapToObj(i -> append("c" + i)).toList();
        assertThat(calls).containsExactly(List.of("c0"));

        answer(0);
        assertThat(calls.get(1)).containsExactly("c1", "c2", "c3");
        answer(1);
        assertThat(calls.get(2)).containsExactly("c4", "c5");
        answer(2);

        assertThat(ids).extracting(Future::result).containsExactly("entry-c0", "entry-c1", "entry-c2", "entry-c3",
                "entry-c4", "entry-c5");
    }

    @Test
    @DisplayName("fails every command of a failed append, and the next ones still go")
    void aFailedAppendFailsItsBatchOnly() {
        Future<String> first = append("a");
        Future<String> second = append("b");
        Future<String> third = append("c");

        replies.get(0).fail(new IllegalStateException("Redis went away"));
        assertThat(first.failed()).isTrue();
        assertThat(calls.get(1)).containsExactly("b", "c");
        answer(1);

        assertThat(second.result()).isEqualTo("entry-b");
        assertThat(third.result()).isEqualTo("entry-c");
    }
}
