/** The officers' console, served by the gateway on its own origin with strict security headers. */
@NullMarked
package cn.wildlife.gateway.console;

import org.jspecify.annotations.NullMarked;
