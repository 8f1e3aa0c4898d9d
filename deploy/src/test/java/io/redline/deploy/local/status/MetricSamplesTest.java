package io.redline.deploy.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricSamplesTest {

    private static final String PAGE = String.join("\n",
            "# HELP redline_gateway_requests_total Requests the gateway answered, by how they ended.",
            "# TYPE redline_gateway_requests_total counter",
            "redline_gateway_requests_total{outcome=\"hit\"} 12.0",
            "redline_gateway_requests_total{outcome=\"miss\"} 3.0",
            "redline_gateway_requests_total{outcome=\"denied\"} 2.0",
            "redline_events_processed_total{type=\"order.paid\"} 4.0",
            "redline_events_processed_total{type=\"order.shipped\",note=\"a } in a \\\"label\\\"\"} 5.0",
            "jvm_threads_state{state=\"RUNNABLE\"} 9.0 1700000000000",
            "not a sample line",
            "");

    @Test
    void samplesOfOneNameAddUpAcrossLabels() {
        assertEquals(9.0, MetricSamples.parse(PAGE).sum("redline_events_processed_total"));
    }

    @Test
    void samplesAreSelectedByALabelValue() {
        MetricSamples samples = MetricSamples.parse(PAGE);
        assertEquals(15.0, samples.sum("redline_gateway_requests_total", "outcome", Set.of("hit", "miss")));
        assertEquals(2.0, samples.sum("redline_gateway_requests_total", "outcome", Set.of("denied")));
        assertEquals(5.0, samples.sum("redline_events_processed_total", "type", Set.of("order.shipped")));
        assertEquals(0.0, samples.sum("redline_events_processed_total", "outcome", Set.of("hit")));
    }

    @Test
    void familiesAreSelectedByName() {
        assertEquals(17.0, MetricSamples.parse(PAGE).sum(name -> name.startsWith("redline_gateway_")));
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
