/**
 * The platform as a whole, as separate processes started by the local runner, on one Redis, a Redis Cluster and
 * Sentinel, under faults: the same scenario everywhere and the same exact end state.
 */
package io.redline.deploy.reliability;
