/**
 * {@code POST /cache/purge} on the admin port: removes one cached answer, or every answer under a path prefix, from
 * Redis and from the near cache of every gateway; authenticated with {@code ADMIN_TOKEN}.
 */
package io.redline.gateway.purge;
