/** The gateway's metrics: names as constants, and the one adapter that turns domain events into Dropwizard metrics. */
package io.redline.gateway.metrics;
