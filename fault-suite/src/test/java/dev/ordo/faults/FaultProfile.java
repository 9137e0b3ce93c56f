package dev.ordo.faults;

import java.time.Duration;

/**
 * How hard the suite pushes: {@code short} (the default, part of {@code ./mvnw verify}) or
 * {@code long} ({@code -Dordo.faults=long}), read from system property {@code ordo.faults}.
 *
 * @param perSecond  executions submitted per second while a scenario runs
 * @param lead       load before the first fault of a scenario
 * @param tail       load after each fault, while (or once) what was killed comes back
 * @param rounds     how many times each scenario's fault is repeated under the same load
 * @param sleepMillis how long the sleeping steps sleep
 * @param outage     how long the database stays down
 */
record FaultProfile(String name, int perSecond, Duration lead, Duration tail, int rounds, int sleepMillis,
                    Duration outage) {

    static FaultProfile current() {
        String name = System.getProperty("ordo.faults", "short").trim();
        if (name.equals("long")) {
            return new FaultProfile("long", 10, Duration.ofSeconds(10), Duration.ofSeconds(15), 3, 1000,
                    Duration.ofSeconds(10));
        }
        if (name.isEmpty() || name.equals("short")) {
            return new FaultProfile("short", 6, Duration.ofSeconds(2), Duration.ofSeconds(3), 1, 1000,
                    Duration.ofSeconds(10));
        }
        throw new IllegalArgumentException("Expected ordo.faults to be short or long, but it is '" + name + "'");
    }

    /** How long everything accepted may take to finish after the load stops. */
    Duration settle() {
        return Duration.ofSeconds(90).plus(lead.plus(tail).multipliedBy(rounds));
    }
}
