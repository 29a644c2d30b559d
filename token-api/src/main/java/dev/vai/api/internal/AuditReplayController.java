package dev.vai.api.internal;

import dev.vai.api.web.ApiProblem;
import dev.vai.api.web.JsonBody;
import dev.vai.api.web.JsonFields;
import dev.vai.api.web.ValidationError;
import dev.vai.token.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-export of the audit stream for operators (a new SIEM, a lost topic): {@code POST} with {@code {"from": null}}
 * for everything or {@code {"from": "2026-11-01T00:00:00Z"}} for the events since then; {@code GET} for progress.
 */
@RestController
@RequestMapping("/internal/v1/audit/replay")
@Tag(name = "internal")
class AuditReplayController {

    private static final Logger log = LoggerFactory.getLogger(AuditReplayController.class);

    private final AuditReplays replay;
    private final JsonBody bodies;

    AuditReplayController(AuditReplays replay, JsonBody bodies) {
        this.replay = replay;
        this.bodies = bodies;
    }

    @Operation(operationId = "startAuditReplay", summary = "Re-export the audit stream from the beginning or a time",
            description = "Queues the records of every event since 'from' (null: all of them) behind those waiting;"
                    + " they keep their CloudEvents ids. One replay at a time (409 otherwise).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = InternalJson.Replay.class))))
    @ApiResponse(responseCode = "202", description = "Started; the progress so far")
    @ApiResponse(responseCode = "409", description = "A replay is already running (our addition)",
            content = @Content(schema = @Schema(ref = "#/components/schemas/Error")))
    @PostMapping
    ResponseEntity<InternalJson.ReplayStatus> start(HttpServletRequest request) {
        JsonFields body = bodies.read(request);
        String text = body.optionalString("from");
        Instant from = null;
        if (text != null) {
            try {
                from = Instant.parse(text);
            } catch (DateTimeParseException e) {
                body.reject("from", "Input should be an ISO-8601 instant such as 2026-11-01T00:00:00Z",
                        ValidationError.VALUE_ERROR);
            }
        }
        body.validate();
        AuditReplays.Progress started = replay.start(from)
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "A replay is already running"));
        log.info("Audit replay requested from {}", from == null ? "the beginning" : from);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(started));
    }

    @Operation(operationId = "auditReplayStatus", summary = "Progress of the last audit replay")
    @GetMapping
    InternalJson.ReplayStatus status() {
        return json(replay.progress());
    }

    private static InternalJson.ReplayStatus json(AuditReplays.Progress status) {
        return new InternalJson.ReplayStatus(status.running(), Timestamps.format(status.from()), status.queued(),
                Timestamps.format(status.startedAt()), Timestamps.format(status.finishedAt()), status.error());
    }
}
