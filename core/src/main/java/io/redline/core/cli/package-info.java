/**
 * The one command-line behaviour of every Redline jar: {@link io.redline.core.cli.CommandLines#create(Object)}
 * gives each command and sub-command {@code --help} (its options and the environment variables it reads) and
 * {@code --version}; a bad option is one line naming it, exit 2; a failure is one line, exit 1. Option values
 * are checked by the converters of {@link io.redline.core.cli.OptionValues} while they are parsed.
 */
package io.redline.core.cli;
