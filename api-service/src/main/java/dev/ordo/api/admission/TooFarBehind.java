package dev.ordo.api.admission;

/** New work refused because a stage of the pipeline lags past its threshold; answered 429 with Retry-After. */
public final class TooFarBehind extends RuntimeException {

    private final long retryAfterSeconds;

    TooFarBehind(String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
