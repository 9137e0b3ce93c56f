package dev.ordo.projection.readmodel;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A batch that cannot be stored (database down) is retried, backing off up to 5 s, until it can:
 * the read model may lag, but it never skips an event. Every exception counts as retryable, since
 * a failure of one record never reaches here: the projector parks it.
 */
@Configuration(proxyBeanMethods = false)
class RetryForever {

    @Bean
    CommonErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.setClassifications(Map.of(), true);
        return handler;
    }
}
