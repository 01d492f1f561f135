package org.crisisline.telephony.ami;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisline.telephony.OriginateRequest;
import org.crisisline.telephony.PbxGateway;
import org.crisisline.telephony.event.OriginateResult;
import org.crisisline.telephony.event.RedirectDone;

/**
 * The gateway routing uses when several PBXs are configured: commands go to the routed PBX, but the live
 * channels are every PBX's, so that a caller is taken for gone only if no PBX has their channel. One PBX
 * that cannot be asked fails the listing (nothing is concluded from half an answer).
 */
final class RoutingGateway implements PbxGateway {
    private final PbxGateway routed;
    private final List<PbxGateway> all;

    RoutingGateway(PbxGateway routed, Collection<PbxGateway> all) {
        this.routed = routed;
        this.all = List.copyOf(all);
    }

    @Override
    public Future<RedirectDone> redirect(String channel, String context, String exten) {
        return routed.redirect(channel, context, exten);
    }

    @Override
    public Future<OriginateResult> originate(OriginateRequest request) {
        return routed.originate(request);
    }

    @Override
    public Future<Void> hangup(String channel, int cause) {
        return routed.hangup(channel, cause);
    }

    @Override
    public Future<Void> setChannelVariable(String channel, String name, String value) {
        return routed.setChannelVariable(channel, name, value);
    }

    @Override
    public Future<Void> setGlobalVariable(String name, String value) {
        return routed.setGlobalVariable(name, value);
    }

    @Override
    public Future<Map<String, String>> liveChannels() {
        return Future.all(all.stream().map(PbxGateway::liveChannels).toList()).map(lists -> {
            Map<String, String> channels = new LinkedHashMap<>();
            lists.<Map<String, String>>list().forEach(channels::putAll);
            return channels;
        });
    }
}
