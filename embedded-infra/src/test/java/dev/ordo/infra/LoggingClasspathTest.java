package dev.ordo.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/** The broker must not bring a second logging backend, and must stay quiet without overriding explicit levels. */
class LoggingClasspathTest {

    @Test
    void logbackIsTheOnlySlf4jProviderAndLog4jCoreIsAbsent() {
        List<String> providers = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(provider -> provider.type().getName())
                .collect(Collectors.toList());

        assertThat(providers).containsExactly("ch.qos.logback.classic.spi.LogbackServiceProvider");
        assertThat(isLoadable("org.apache.logging.log4j.core.LoggerContext")).isFalse();
        assertThat(isLoadable("org.apache.logging.slf4j.SLF4JProvider")).as("log4j-api routed to SLF4J").isTrue();
    }

    @Test
    void brokerLoggersGoToWarnUnlessConfiguredExplicitly() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger stateChange = context.getLogger("state.change.logger");
        Logger kafka = context.getLogger("kafka");
        Level previousStateChange = stateChange.getLevel();
        Level previousKafka = kafka.getLevel();
        try {
            stateChange.setLevel(Level.DEBUG);
            kafka.setLevel(null);

            BrokerLogLevels.applyWhereUnset();

            assertThat(kafka.getLevel()).isEqualTo(Level.WARN);
            assertThat(stateChange.getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            stateChange.setLevel(previousStateChange);
            kafka.setLevel(previousKafka);
        }
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className, false, LoggingClasspathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
