/**
 * The demo origin behind the local gateways: a small product-catalogue JSON API with a little latency, one slow
 * path and one that fails now and then, so that every cache outcome shows up.
 */
package io.redline.deploy.local.origin;
