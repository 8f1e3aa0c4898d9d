package io.redline.deploy.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricSamplesTest {

    private static final String PAGE = String.join("\n",
            "# HELP gateway_requests_hit_total Generated from Dropwizard metric import",
            "# TYPE gateway_requests_hit_total counter",
            "gateway_requests_hit_total 12.0",
            "gateway_requests_miss_total 3.0",
            "events_processed_total{type=\"paid\"} 4.0",
            "events_processed_total{type=\"shipped\",note=\"a } in a label\"} 5.0",
            "jvm_threads_state{state=\"RUNNABLE\"} 9.0 1700000000000",
            "not a sample line",
            "");

    @Test
    void samplesOfOneNameAddUpAcrossLabels() {
        assertEquals(9.0, MetricSamples.parse(PAGE).sum("events_processed_total"));
    }

    @Test
    void familiesAreSelectedByName() {
        assertEquals(15.0, MetricSamples.parse(PAGE).sum(name -> name.startsWith("gateway_requests_")));
    }

    @Test
    void commentsTimestampsAndGarbageAreSkipped() {
        MetricSamples samples = MetricSamples.parse(PAGE);
        assertEquals(9.0, samples.sum("jvm_threads_state"));
        assertEquals(0.0, samples.sum("not"));
    }

    @Test
    void anEmptyPageHasNoSamples() {
        assertEquals(0.0, MetricSamples.parse("").sum(name -> true));
    }
}
