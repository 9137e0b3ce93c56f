package dev.ordo.api.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operator dashboard: static files under {@code classpath:/static/dashboard/}, answered at
 * {@code /dashboard} and {@code /dashboard/} (the page links its assets by absolute path, so both
 * work), and {@code /} sends a browser there.
 */
@Controller
class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard() {
        return "forward:/dashboard/index.html";
    }

    @GetMapping("/")
    String root() {
        return "redirect:/dashboard/";
    }
}
