/**
 * The admin HTTP server every long-running process serves on {@code ADMIN_PORT}: {@code /health/live},
 * {@code /health/ready} (JSON, 200 or 503) and {@code /metrics} (Prometheus text), and the endpoints a process adds
 * through {@link io.redline.core.admin.AdminRoutes}.
 */
package io.redline.core.admin;
