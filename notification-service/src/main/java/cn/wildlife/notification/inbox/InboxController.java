package cn.wildlife.notification.inbox;

import cn.wildlife.events.Envelope;
import cn.wildlife.events.Topics;
import cn.wildlife.events.alert.AlertRaised;
import cn.wildlife.support.kafka.EventKafkaConfiguration;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An office's inbox: the alerts addressed to its agency in its region (and to its role, for escalations). */
@RestController
@Validated
@Tag(
        name = "Inbox (预警消息)",
        description = "Approaching, overdue and escalated deadlines of the caller's office; "
                + "for administrators, a missing year's holiday calendar")
class InboxController {

    private final InboxStore store;

    InboxController(InboxStore store) {
        this.store = store;
    }

    @GetMapping("/api/inbox")
    @Operation(summary = "The caller's office inbox, newest first")
    List<InboxStore.Item> inbox(
            Caller caller,
            @RequestParam(required = false) @Nullable Boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return store.inbox(
                caller.agency().name(),
                caller.region().code(),
                caller.roles().stream().map(Enum::name).toList(),
                unread,
                page,
                size);
    }

    @PostMapping("/api/inbox/{id}/read")
    @Operation(summary = "Mark an item read")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "已读 Marked read")
    ResponseEntity<Void> read(Caller caller, @PathVariable @Size(max = 400) String id) {
        if (!store.markRead(
                id,
                caller.agency().name(),
                caller.region().code(),
                caller.roles().stream().map(Enum::name).toList())) {
            throw new RecordNotFoundException("inbox item", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Delivery into inboxes, from the alerts this service raised. */
    @Component
    static class AlertDelivery {

        private final InboxStore store;

        AlertDelivery(InboxStore store) {
            this.store = store;
        }

        @KafkaListener(
                id = "inbox-delivery",
                topics = Topics.PLATFORM_ALERTS,
                containerFactory = EventKafkaConfiguration.EVENT_LISTENER_FACTORY)
        void onAlert(Envelope<?> event) {
            if (event.data() instanceof AlertRaised alert) {
                store.deliver(alert);
            }
        }
    }
}
