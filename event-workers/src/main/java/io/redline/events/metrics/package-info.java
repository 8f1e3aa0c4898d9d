/** The workers' metrics: names as constants, and the one adapter that turns events into Dropwizard metrics. */
package io.redline.events.metrics;
