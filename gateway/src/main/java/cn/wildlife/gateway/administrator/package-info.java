/** Who a token says is administering the gateway: the three administrators of 三员分立, never combined. */
@NullMarked
package cn.wildlife.gateway.administrator;

import org.jspecify.annotations.NullMarked;
