/**
 * The gateway's edge towards its clients: connection limits against slow and hostile clients, the bound on
 * requests in flight (load shedding with 503), request body limits, and gzip compression of answers.
 */
package io.redline.gateway.edge;
