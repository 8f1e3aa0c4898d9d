/**
 * The stats-job: the whole dashboard read in one Redis pipeline ({@code run}), its comparison with one round
 * trip per read ({@code compare}), its schedule ({@code run --every}) and its page ({@code serve}).
 */
package io.redline.stats;
