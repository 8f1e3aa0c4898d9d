/** Whether a request may go on: the shared sliding-window limiter, or none at all ({@code RATE_LIMIT=off}). */
package io.redline.gateway.limit;
