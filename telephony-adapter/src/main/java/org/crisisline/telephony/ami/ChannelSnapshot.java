package org.crisisline.telephony.ami;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.crisisline.telephony.TelephonyException;
import org.crisisline.telephony.TelephonyException.Code;

/**
 * Asks a PBX which channels it has: {@code CoreShowChannels}, answered by one {@code CoreShowChannel}
 * event per channel and {@code CoreShowChannelsComplete}. asterisk-java collects the list with a
 * blocking call, so it runs on the link's I/O thread; the future completes on {@code context}.
 */
final class ChannelSnapshot {
    private final Executor io;
    private final Context context;
    private final Duration timeout;

    ChannelSnapshot(Executor io, Context context, Duration timeout) {
        this.io = io;
        this.context = context;
        this.timeout = timeout;
    }

    Future<List<LiveChannel>> take(ManagerConnection connection) {
        Promise<List<LiveChannel>> promise = Promise.promise();
        try {
            io.execute(() -> {
                try {
                    List<LiveChannel> channels = copy(connection.sendEventGeneratingAction(
                            new CoreShowChannelsAction(), timeout.toMillis()));
                    context.runOnContext(v -> promise.complete(channels));
                } catch (Exception e) {
                    context.runOnContext(v -> promise.fail(e));
                }
            });
        } catch (RejectedExecutionException e) {
            promise.fail(new TelephonyException(Code.LINK_DOWN, "CoreShowChannels: the PBX link is stopped", e));
        }
        return promise.future();
    }

    private static List<LiveChannel> copy(ResponseEvents events) {
        List<LiveChannel> channels = new ArrayList<>();
        for (ResponseEvent event : events.getEvents()) {
            if (event instanceof CoreShowChannelEvent channel) {
                channels.add(new LiveChannel(channel.getUniqueid(), channel.getChannel(), channel.getLinkedid(),
                        channel.getContext(), channel.getExten()));
            }
        }
        return channels;
    }
}
