package io.redline.gateway.traffic;

import java.time.LocalDate;

/**
 * One answered request.
 *
 * @param day the UTC day it was answered
 * @param client the client's address
 * @param pageView the path to count as a page view, or {@code null}
 * @param serverError whether the status was 5xx
 */
record TrafficEvent(LocalDate day, String client, String pageView, boolean serverError) {
}
