package io.redline.core.redis.pipeline;

/** What an {@link AutoPipeline} reports; metrics are registered by the process that owns it. */
@FunctionalInterface
public interface PipelineEvents {

    PipelineEvents NONE = calls -> { };

    /** A pipeline of {@code calls} commands left for Redis. */
    void sent(int calls);
}
