/** Housekeeping that every service runs on its own thread, whether or not it enables Spring's scheduling. */
@NullMarked
package cn.wildlife.support.schedule;

import org.jspecify.annotations.NullMarked;
