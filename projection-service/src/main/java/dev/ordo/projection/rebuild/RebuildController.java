package dev.ordo.projection.rebuild;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds of the read model, for an operator on the projection's own port (not the public API):
 * <ul>
 *   <li>{@code POST /admin/rebuild}: starts one; 202 with its status, 409 while one runs;</li>
 *   <li>{@code GET /admin/rebuild}: where the last one stands ({@link RebuildStatus}).</li>
 * </ul>
 */
@RestController
@RequestMapping("/admin/rebuild")
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    ResponseEntity<Object> start() {
        return rebuilds.start().<ResponseEntity<Object>>map(started -> ResponseEntity.accepted().body(started))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("detail",
                        "A rebuild is already running; follow it with GET /admin/rebuild")));
    }

    @GetMapping
    RebuildStatus status() {
        return rebuilds.status();
    }
}
