package dev.ordo.worker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A batch whose reports the broker does not take is retried, backing off up to 5 s, until it does:
 * the tasks are run again (handlers are idempotent per attempt), never dropped.
 */
@Configuration(proxyBeanMethods = false)
class RetryForever {

    @Bean
    CommonErrorHandler workerErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(backOff);
    }
}
