package cn.wildlife.notification.delivery.webhook;

import cn.wildlife.notification.delivery.domain.WebhookDestinations;
import cn.wildlife.support.web.Texts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only way webhook deliveries find an address: the host is judged as written, then resolved once, then every
 * address is judged, and the HTTP client connects to exactly the addresses returned here. So a name cannot answer a
 * public address to the check and an internal one to the connection (DNS rebinding); and one internal address among
 * public ones refuses the whole host, since the client may try any of them.
 */
final class CheckedDnsResolver implements DnsResolver {

    private final WebhookDestinations destinations;
    private final DnsResolver resolver;
    private final Texts texts;

    /** {@code resolver} asks DNS (the system's resolver in service; a fixed table in tests). */
    CheckedDnsResolver(WebhookDestinations destinations, DnsResolver resolver, Texts texts) {
        this.destinations = destinations;
        this.resolver = resolver;
        this.texts = texts;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Optional<WebhookDestinations.Reason> asWritten = destinations.judgeHost(host);
        if (asWritten.isPresent()) {
            throw new DestinationRefused(host, asWritten.get(), false, texts);
        }
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            // Null would have the client hand the name on unresolved (to a proxy), past this check.
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<WebhookDestinations.Reason> refused = destinations.judgeResolved(host, address);
            if (refused.isPresent()) {
                throw new DestinationRefused(host, refused.get(), true, texts);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // Only authentication schemes (Kerberos) ask for it, and webhooks use none; it connects nowhere.
        return resolver.resolveCanonicalHostname(host);
    }
}
