/**
 * Liveness and readiness, two different questions: liveness never depends on Redis, readiness does and turns
 * false as soon as shutdown starts. Checks are Dropwizard {@code HealthCheck}s, whose {@code execute()} times
 * each check and turns an exception into an unhealthy result.
 */
package io.redline.core.health;
