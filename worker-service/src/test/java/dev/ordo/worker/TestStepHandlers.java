package dev.ordo.worker;

import dev.ordo.worker.handlers.StepHandler;
import dev.ordo.worker.handlers.StepOutcome;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Handlers only tests need, registered next to the real ones. */
@TestConfiguration(proxyBeanMethods = false)
class TestStepHandlers {

    /**
     * {@code test_output_of_bytes}: succeeds with {@code {"blob": "xxx…"}} whose encoded JSON is exactly
     * {@code config.bytes} long.
     */
    @Bean
    StepHandler outputOfBytes() {
        return new StepHandler() {
            @Override
            public String processingType() {
                return "test_output_of_bytes";
            }

            @Override
            public StepOutcome handle(dev.ordo.contract.execution.StepTask task,
                                      dev.ordo.worker.handlers.HandlerContext context) {
                int bytes = ((Number) task.config().get("bytes")).intValue();
                return StepOutcome.succeeded(Map.of("blob", "x".repeat(bytes - "{\"blob\":\"\"}".length())));
            }
        };
    }
}
