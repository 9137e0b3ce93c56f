package dev.ordo.engine;

import dev.ordo.contract.wire.TaskHeaders;
import dev.ordo.contract.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Routes each task to the topic of the capabilities its step requires (the task's
 * {@link TaskHeaders#REQUIRED_CAPABILITIES} header): {@code Topics.stepTasks(capabilities)}, the
 * plain task topic for none. A capability topic is created the first time this engine instance
 * routes to it (broker auto-creation is off), before the task is written; creating an existing
 * topic is a no-op. A task waits in its topic until a worker that has every capability subscribes.
 */
final class TaskTopics implements TopicNameExtractor<String, byte[]> {

    /** Makes sure a task topic exists; blocks until it does. */
    @FunctionalInterface
    interface Creator {
        void ensure(String topic);
    }

    private final Topics topics;
    private final Creator creator;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    TaskTopics(Topics topics, Creator creator) {
        this.topics = topics;
        this.creator = creator;
        known.add(topics.stepTasks());
    }

    @Override
    public String extract(String key, byte[] value, RecordContext context) {
        Header header = context.headers().lastHeader(TaskHeaders.REQUIRED_CAPABILITIES);
        if (header == null) {
            return topics.stepTasks();
        }
        String topic = topics.stepTasks(List.of(new String(header.value(), StandardCharsets.UTF_8).split(",")));
        if (!known.contains(topic)) {
            creator.ensure(topic);
            known.add(topic);
        }
        return topic;
    }
}
