/**
 * {@code serve}: the dashboard page (time-series charts drawn by uPlot, served from the jar's webjar) and its JSON
 * endpoints.
 */
package io.redline.stats.web;
