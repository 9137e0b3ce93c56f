package dev.ordo.infra;

/** Kafka and PostgreSQL that are up until {@link #close()}; closing twice is harmless. */
interface RunningInfrastructure extends AutoCloseable {

    InfrastructureEndpoints endpoints();

    @Override
    void close();
}
