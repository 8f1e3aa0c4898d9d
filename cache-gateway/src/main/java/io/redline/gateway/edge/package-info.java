/**
 * The gateway's edge towards its clients: connection limits against slow and hostile clients, request body
 * limits, and gzip compression of answers.
 */
package io.redline.gateway.edge;
