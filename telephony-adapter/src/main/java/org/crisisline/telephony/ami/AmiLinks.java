package org.crisisline.telephony.ami;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisline.telephony.PbxGateway;

/**
 * One {@link AmiLink} per configured PBX, for a server that serves several. PBX names must be unique:
 * they are how events ({@code TelephonyEvent.pbx()}) and commands find their PBX. Start and stop it
 * from the context that is to own the links.
 */
public final class AmiLinks {
    private final Map<String, AmiLink> links;

    private AmiLinks(Map<String, AmiLink> links) {
        this.links = links;
    }

    public static AmiLinks create(Vertx vertx, List<AmiOptions> pbxs, Clock clock) {
        Map<String, AmiLink> links = new LinkedHashMap<>();
        for (AmiOptions options : pbxs) {
            if (links.containsKey(options.pbx())) {
                throw new IllegalArgumentException("pbx: '" + options.pbx() + "' is configured twice");
            }
            links.put(options.pbx(), AmiLink.create(vertx, options, clock));
        }
        return new AmiLinks(Map.copyOf(links));
    }

    public Future<Void> start() {
        return Future.all(links.values().stream().map(AmiLink::start).toList()).mapEmpty();
    }

    public Future<Void> stop() {
        return Future.join(links.values().stream().map(AmiLink::stop).toList()).mapEmpty();
    }

    /** The commands for one PBX, if it is configured. */
    public Optional<PbxGateway> gateway(String pbx) {
        return Optional.ofNullable(links.get(pbx)).map(AmiLink::gateway);
    }

    /**
     * The gateway routing drives: commands go to {@code pbx}, live channels are listed from every configured
     * PBX ({@link RoutingGateway}).
     */
    public Optional<PbxGateway> routingGateway(String pbx) {
        return gateway(pbx).map(routed -> new RoutingGateway(routed,
                links.values().stream().map(AmiLink::gateway).toList()));
    }

    /** Every link's health, by PBX name. */
    public Map<String, LinkHealth> health() {
        Map<String, LinkHealth> health = new LinkedHashMap<>();
        links.forEach((pbx, link) -> health.put(pbx, link.health()));
        return health;
    }
}
