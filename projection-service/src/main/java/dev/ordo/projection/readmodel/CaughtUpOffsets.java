package dev.ordo.projection.readmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The engine writes the event log in transactions, and each commit leaves a marker after the last
 * event. The live consumer commits its position past such markers ({@code fixTxOffsets}), not only
 * the last record's offset + 1, so a projection that has read everything shows a lag of 0.
 */
@Configuration(proxyBeanMethods = false)
class CaughtUpOffsets {

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> commitPastMarkers() {
        return container -> container.getContainerProperties().setFixTxOffsets(true);
    }
}
