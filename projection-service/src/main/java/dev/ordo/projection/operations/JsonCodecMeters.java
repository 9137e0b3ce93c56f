package dev.ordo.projection.operations;

import dev.ordo.contract.wire.JsonCodec;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The contract codec's counts as Prometheus counters {@code ordo_json_encodings_total} and
 * {@code ordo_json_decodings_total}. The counts are per process: in the local stack, where all
 * services share one JVM, every service reports the same JVM-wide figure.
 */
@Component
class JsonCodecMeters implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        JsonCodec codec = JsonCodec.instance();
        FunctionCounter.builder("ordo.json.encodings", codec, JsonCodec::encodings)
                .description("Values the contract's JSON codec encoded in this process").register(registry);
        FunctionCounter.builder("ordo.json.decodings", codec, JsonCodec::decodings)
                .description("Values the contract's JSON codec decoded in this process").register(registry);
    }
}
