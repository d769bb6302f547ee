package cn.wildlife.notification.delivery.sms;

import cn.wildlife.notification.delivery.ChannelType;
import cn.wildlife.notification.delivery.DeliveryChannel;
import cn.wildlife.notification.delivery.PendingDelivery;
import cn.wildlife.notification.delivery.SendResult;
import cn.wildlife.notification.delivery.domain.Masking;
import org.springframework.stereotype.Component;

/** Text messages through whichever {@link SmsGateway} is configured. */
@Component
class SmsChannel implements DeliveryChannel {

    private final SmsGateway gateway;

    SmsChannel(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public boolean enabled() {
        return gateway.configured();
    }

    @Override
    public SendResult send(PendingDelivery delivery) {
        String phone = delivery.content(SmsMessages.PHONE);
        try {
            int status =
                    gateway.send(new SmsGateway.SmsMessage(phone, delivery.content(SmsMessages.TEXT), delivery.id()));
            return SendResult.sent(status == 0 ? null : status);
        } catch (SmsGateway.SmsGatewayException e) {
            // A provider may echo the number; the log and the delivery record keep only a masked form.
            return SendResult.failed(
                    e.statusCode(), String.valueOf(e.getMessage()).replace(phone, Masking.phone(phone)));
        }
    }
}
