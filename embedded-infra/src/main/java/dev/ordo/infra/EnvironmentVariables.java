package dev.ordo.infra;

import java.util.Map;
import java.util.Optional;

/** Typed, validating reads from a variables map; blank values count as absent. */
final class EnvironmentVariables {

    private final Map<String, String> variables;

    EnvironmentVariables(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    boolean flag(String name) {
        return text(name).map(value -> {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        }).orElse(false);
    }

    int port(String name, int defaultPort) {
        return text(name).map(value -> {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below with the variable name
            }
            throw new IllegalArgumentException(name + " must be a port number 0-65535, was '" + value + "'");
        }).orElse(defaultPort);
    }
}
