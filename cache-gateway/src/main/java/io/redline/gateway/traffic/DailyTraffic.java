package io.redline.gateway.traffic;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The events of one UTC day in one flush, summed so that the batch holds one command per key and path. */
final class DailyTraffic {

    final Set<String> visitors = new HashSet<>();
    final Map<String, Integer> pageViews = new HashMap<>();
    long requests;
    long errors;

    void add(TrafficEvent event) {
        visitors.add(event.client());
        if (event.pageView() != null) {
            pageViews.merge(event.pageView(), 1, Integer::sum);
        }
        requests++;
        if (event.serverError()) {
            errors++;
        }
    }
}
