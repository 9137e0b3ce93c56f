package dev.ordo.infra;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which infrastructure test JVMs share: {@code embedded} (default) or {@code testcontainers}, chosen by
 * system property {@value #PROPERTY} or, when that is unset, environment variable {@value #VARIABLE}.
 */
enum TestInfrastructureMode {
    EMBEDDED,
    TESTCONTAINERS;

    static final String PROPERTY = "ordo.test.infra";
    static final String VARIABLE = "ORDO_TEST_INFRA";

    static TestInfrastructureMode configured() {
        return from(Optional.ofNullable(System.getProperty(PROPERTY)), System.getenv());
    }

    static TestInfrastructureMode from(Optional<String> property, Map<String, String> environment) {
        Optional<String> value = property.or(() -> Optional.ofNullable(environment.get(VARIABLE)))
                .map(String::trim)
                .filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " / " + VARIABLE + " must be 'embedded' or 'testcontainers', was '"
                    + value.get() + "'", e);
        }
    }
}
