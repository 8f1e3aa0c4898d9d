/**
 * The local all-in-one runner ({@code redline up}): it picks or starts a Redis, serves a demo origin, starts every
 * process jar as a child process on ports of its own, drives demo traffic, prints the URLs and one live status
 * line, and on SIGINT or SIGTERM stops everything it started. It never reaches into the process modules' classes.
 */
package io.redline.deploy.local;
