/**
 * {@code compare}: the dashboard's reads with and without the pipeline, and a lone PING, through an optional
 * local TCP proxy that delays each direction (this machine has no {@code netem}).
 */
package io.redline.stats.compare;
