/** Tracing on only where a collector is named: the rule the gateway and the services share. */
@NullMarked
package cn.wildlife.tracing;

import org.jspecify.annotations.NullMarked;
