package dev.zmq.majordomo;

import java.util.Map;

/**
 * A snapshot of a {@link MajordomoBroker}: each service's statistics and the bad input it met, counted by kind.
 *
 * <p>Immutable and thread-safe.
 *
 * @param services       per service name, every service a client asked for or a worker offered
 * @param protocolErrors per kind, how many bad messages arrived (kinds never seen are absent)
 */
public record BrokerStatistics(Map<String, ServiceStatistics> services, Map<MdpError, Long> protocolErrors) {

    /** Copies the maps. */
    public BrokerStatistics {
        services = Map.copyOf(services);
        protocolErrors = Map.copyOf(protocolErrors);
    }

    /** The statistics of {@code service}, or all zero when the broker never heard of it. */
    public ServiceStatistics service(String service) {
        return services.getOrDefault(service, new ServiceStatistics(service, 0, 0, 0, 0, 0, 0, 0));
    }

    /** How many messages broke {@code error}'s rule. */
    public long protocolErrors(MdpError error) {
        return protocolErrors.getOrDefault(error, 0L);
    }

    /** How many bad messages arrived, of any kind. */
    public long protocolErrorTotal() {
        return protocolErrors.values().stream().mapToLong(Long::longValue).sum();
    }
}
