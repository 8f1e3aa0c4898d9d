/** The stats-job's metric families, and the adapter that records dashboard runs in them. */
package io.redline.stats.metrics;
