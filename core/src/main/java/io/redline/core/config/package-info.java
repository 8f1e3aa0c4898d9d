/**
 * Configuration from environment variables: one {@link io.redline.core.config.ConfigReader} collects every
 * bad value at once, typed durations are parsed in one place ({@link io.redline.core.config.Durations}),
 * and {@code io.redline.core.process.CommonConfig} holds what every Redline process reads.
 */
package io.redline.core.config;
