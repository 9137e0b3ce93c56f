package dev.ordo.worker.handlers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link OutboundAddressPolicy} of {@code http_request} from {@code ordo.worker.http.allow-private}
 * ({@code ORDO_HTTP_ALLOW_PRIVATE}, default false) and {@code ordo.worker.http.allowed-networks}
 * ({@code ORDO_HTTP_ALLOWED_NETWORKS}, comma-separated CIDR blocks, default none). A malformed block
 * stops the worker from starting.
 */
@Configuration(proxyBeanMethods = false)
class OutboundRequests {

    private static final Logger log = LoggerFactory.getLogger(OutboundRequests.class);

    @Bean
    OutboundAddressPolicy outboundAddressPolicy(@Value("${ordo.worker.http.allow-private:false}") boolean allowPrivate,
                                                @Value("${ordo.worker.http.allowed-networks:}") String allowedNetworks) {
        OutboundAddressPolicy policy = OutboundAddressPolicy.of(allowPrivate, allowedNetworks);
        log.info("http_request may call public addresses{}", allowPrivate || !allowedNetworks.isBlank()
                ? " and, as configured, " + policy : " only");
        return policy;
    }
}
