/**
 * How a Redline process runs: {@link io.redline.core.process.CommonConfig} (the variables every process reads),
 * {@link io.redline.core.process.RedlineRuntime} (admin server, Redis connection with backoff, the process's
 * parts, and the drain on stop) and {@link io.redline.core.process.ProcessMain} (exit codes and SIGTERM).
 */
package io.redline.core.process;
