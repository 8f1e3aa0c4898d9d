/**
 * Traffic recording for the dashboard: unique visitors (HyperLogLog per UTC day), page views per path, requests
 * and 5xx errors per day. Requests only enqueue an event; a background flusher writes them in pipelined batches.
 */
package io.redline.gateway.traffic;
