package dev.ordo.infra;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Logback-specific level changes. Loaded only after the caller has checked that Logback is the
 * SLF4J backend, because Logback is an optional dependency of this module.
 */
final class LogbackLevels {

    private LogbackLevels() {
    }

    static void setWhereUnset(List<String> loggerNames, String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : loggerNames) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.toLevel(level));
            }
        }
    }
}
