/** The dashboard: its reads (one pipeline), its typed result, and where snapshots are kept. */
package io.redline.stats.dashboard;
